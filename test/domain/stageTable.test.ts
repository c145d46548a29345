import fc from 'fast-check';
import { defaultTemplates, templateLabel } from '../../src/domain/defaultTemplates';
import { defaultSettings, parseSettings, stageLabel } from '../../src/domain/settings';
import {
  DECISION_STAGE,
  EMAIL_STAGE_IDS,
  FIRST_FOLLOW_UP,
  isEmailStage,
  REACHED_STATUSES,
  reachedStatus,
  STAGE_IDS,
  STAGE_TABLE,
  stageEmail,
} from '../../src/domain/stageTable';
import { isChasedWhenOverdue, STATUSES, statusCode, statusCodeOf, statusWords } from '../../src/domain/stages';
import { LIST_TEMPLATE_IDS, TEMPLATE_IDS, listTemplateId } from '../../src/domain/types';

describe('the stage table', () => {
  it('gives every list of stages: ids in escalation order, email stages, template ids', () => {
    expect(STAGE_IDS).toEqual(Object.keys(STAGE_TABLE));
    expect(EMAIL_STAGE_IDS).toEqual(STAGE_IDS.filter((s) => s !== DECISION_STAGE));
    expect(isEmailStage(DECISION_STAGE)).toBe(false);
    expect(LIST_TEMPLATE_IDS).toEqual(EMAIL_STAGE_IDS.map((s) => listTemplateId(s)));
    // Every template id once, each with a default wording.
    expect(new Set(TEMPLATE_IDS).size).toBe(TEMPLATE_IDS.length);
    expect(Object.keys(defaultTemplates()).sort()).toEqual([...TEMPLATE_IDS].sort());
    for (const s of EMAIL_STAGE_IDS) expect(TEMPLATE_IDS).toContain(s);
  });

  it('gives the default days and labels of the settings', () => {
    const days = defaultSettings().stageDays;
    for (const s of STAGE_IDS) {
      expect(days[s]).toBe(STAGE_TABLE[s].defaultDay);
      expect(stageLabel(s)).toBe(STAGE_TABLE[s].label);
    }
  });

  it('the stage that cannot be turned off is refused empty, the others are not', () => {
    for (const s of STAGE_IDS) {
      const { issues } = parseSettings({ ...defaultSettings(), stageDays: { ...defaultSettings().stageDays, [s]: '' } });
      expect(issues.some((i) => i.field === `stageDays.${s}`)).toBe(s === FIRST_FOLLOW_UP);
    }
  });

  it("a template's name says the day its stage goes out on in the settings", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 }), (day) => {
        const stage = EMAIL_STAGE_IDS.find((s) => stageEmail(s).noBilling !== undefined)!;
        const stageDays = { ...defaultSettings().stageDays, [stage]: day };
        expect(templateLabel(stage, stageDays)).toBe(`${stageEmail(stage).templateLabel} (day ${day})`);
        expect(templateLabel(stageEmail(stage).noBilling as never, stageDays)).toMatch(new RegExp(`\\(day ${day}\\)$`));
      }),
    );
    const off = { ...defaultSettings().stageDays, [EMAIL_STAGE_IDS[2]!]: null };
    expect(templateLabel(EMAIL_STAGE_IDS[2]!, off)).toMatch(/\(off\)$/);
  });

  it('statuses are codes with words: the ones a stage leaves come from the table', () => {
    for (const r of REACHED_STATUSES) {
      expect(STATUSES).toContain(r.words);
      expect(statusCode(r.words)).toBe(r.code);
    }
    expect(new Set(STATUSES.map(statusCode)).size).toBe(STATUSES.length);
    for (const words of STATUSES) {
      expect(statusWords(statusCode(words))).toBe(words);
      expect(statusCodeOf(words)).toBe(statusCode(words));
    }
    expect(statusCodeOf('Void')).toBeNull();
    expect(statusCodeOf('Needs review: the due date is before the issue date')).toBeNull();
  });

  it('an overdue invoice is chased while Overdue or in a status an email stage leaves it in', () => {
    const byEmail = EMAIL_STAGE_IDS.flatMap((s) => reachedStatus(s)?.code ?? []);
    expect(byEmail.length).toBeGreaterThan(0);
    expect(STATUSES.map(statusCode).filter(isChasedWhenOverdue)).toEqual(['overdue', ...byEmail]);
    // The decision is the user's to act on: the add-on sends nothing more.
    expect(isChasedWhenOverdue(reachedStatus(DECISION_STAGE)!.code)).toBe(false);
    for (const held of ['Paid', 'Paused', 'Disputed', 'Promised', 'Needs review'] as const) {
      expect(isChasedWhenOverdue(statusCode(held))).toBe(false);
    }
  });
});
