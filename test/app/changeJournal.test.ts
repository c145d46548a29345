// The change journal (README "Disclosure: what the owner is told") on a plain-object store: what is noted, what is
// dropped, how it stays bounded without losing a change, and that it never fails a save.
import {
  CHANGES_KEY,
  MAX_CHANGES,
  changeAuthor,
  clearChangesUpTo,
  readChanges,
  recordChange,
  type Change,
} from '../../src/app/changeJournal';
import { resetTemplate, saveSettings, saveTemplate } from '../../src/app/config';
import type { PlatformPort, StorePort } from '../../src/app/ports';
import { defaultTemplates } from '../../src/domain/defaultTemplates';
import { fakePorts, type FakePorts } from './fakePorts';

const at = (minute: number): string => new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString();
const change = (minute: number, over: Partial<Change> = {}): Change => ({
  at: at(minute),
  by: 'bob@x.test',
  what: 'settings',
  detail: 'CC me',
  ...over,
});

function start(): FakePorts {
  return fakePorts('2026-11-24', []);
}

/** The store, with writes that fail as a full store's do. */
function failingStore(ports: FakePorts): StorePort {
  return {
    ...ports.store,
    writeJson: () => {
      throw new Error('The storage is full.');
    },
    delete: () => {
      throw new Error('Service unavailable.');
    },
  };
}

let errors: jest.SpyInstance;
beforeEach(() => {
  errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errors.mockRestore());

describe('the change journal', () => {
  it('keeps each change, oldest first, under its own key', () => {
    const { store, props } = start();
    recordChange(store, change(1));
    recordChange(store, change(2, { by: null, what: 'template', detail: 'Firm reminder (day 7)' }));
    expect(readChanges(store)).toEqual([change(1), { at: at(2), by: null, what: 'template', detail: 'Firm reminder (day 7)' }]);
    expect(props.has(CHANGES_KEY)).toBe(true);
  });

  it('notes an address Google did not reveal (empty) as unknown, and clips what is too long', () => {
    const { store } = start();
    recordChange(store, change(1, { by: '  ', detail: 'x'.repeat(500) }));
    const [entry] = readChanges(store);
    expect(entry?.by).toBeNull();
    expect(entry?.detail.length).toBe(200);
    expect(entry?.detail.endsWith('…')).toBe(true);
  });

  it('leaves out what is not a change (a damaged or hand-edited store)', () => {
    const { store, props } = start();
    props.set(
      CHANGES_KEY,
      JSON.stringify([
        change(1),
        null,
        'settings',
        { ...change(2), what: 'deleteEverything' },
        { ...change(3), at: 'yesterday' },
        { ...change(4), by: 42 },
        { ...change(5), detail: undefined },
        { ...change(6), extra: '<script>' },
      ]),
    );
    expect(readChanges(store)).toEqual([change(1), change(6)]);
    props.set(CHANGES_KEY, JSON.stringify({ not: 'a list' }));
    expect(readChanges(store)).toEqual([]);
    props.delete(CHANGES_KEY);
    expect(readChanges(store)).toEqual([]);
  });

  it(`keeps at most ${MAX_CHANGES} entries: the oldest fold into one that still names who and what`, () => {
    const { store } = start();
    recordChange(store, change(0, { by: 'eve@x.test', detail: 'your name for the emails' }));
    recordChange(store, change(1, { by: null, what: 'template', detail: 'Firm reminder (day 7)' }));
    for (let i = 2; i < MAX_CHANGES + 10; i++) recordChange(store, change(i));
    const changes = readChanges(store);
    expect(changes).toHaveLength(MAX_CHANGES);
    const [first, second] = changes;
    expect(first).toEqual({
      at: at(10),
      by: 'eve@x.test, bob@x.test, an editor (Google did not show their address)',
      what: 'earlier',
      detail: 'your name for the emails, Firm reminder (day 7), CC me',
    });
    expect(second).toEqual(change(11));
    expect(changes[MAX_CHANGES - 1]).toEqual(change(MAX_CHANGES + 9));
  });

  it('never fails the save it follows: a journal that cannot be written is logged', () => {
    const ports = start();
    expect(() => recordChange(failingStore(ports), change(1))).not.toThrow();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('The storage is full.'));
    const unreadable = { ...ports.store, readJson: () => ({ value: null, warning: null }), writeJson: undefined };
    expect(() => recordChange(unreadable as unknown as StorePort, change(1))).not.toThrow();
  });

  it('clears the changes a summary listed (at or before its time), and keeps later ones', () => {
    const { store, props } = start();
    [1, 2, 3].forEach((m) => recordChange(store, change(m)));
    clearChangesUpTo(store, at(2));
    expect(readChanges(store)).toEqual([change(3)]);
    clearChangesUpTo(store, '2026-11-24T09:03:00Z'); // the same instant written without milliseconds
    expect(props.has(CHANGES_KEY)).toBe(false);
    recordChange(store, change(4));
    clearChangesUpTo(store, 'not a time');
    expect(readChanges(store)).toEqual([change(4)]);
    expect(() => clearChangesUpTo(failingStore(start()), at(9))).not.toThrow();
  });
});

describe('who made a change', () => {
  const platform = (activeUser: PlatformPort['activeUser'], user: string | null = 'owner@x.test'): PlatformPort => ({
    ...start().platform,
    context: () => ({ ...start().platform.context(), user }),
    activeUser,
  });
  const now = () => Date.parse('2026-11-24T14:05:00Z');

  it('is the user acting now (for an editor, not whoever authorised the script)', () => {
    expect(changeAuthor({ platform: platform(() => 'bob@x.test'), now })).toEqual({
      at: '2026-11-24T14:05:00.000Z',
      by: 'bob@x.test',
    });
  });

  it('is unknown (null) when Google does not reveal the address, or cannot be asked', () => {
    expect(changeAuthor({ platform: platform(() => ''), now }).by).toBeNull();
    expect(changeAuthor({ platform: platform(() => null), now }).by).toBeNull();
    const throwing = platform(() => {
      throw new Error('Session is not available');
    });
    expect(changeAuthor({ platform: throwing, now }).by).toBeNull();
  });

  it('falls back to the execution user where the platform cannot tell the active one', () => {
    expect(changeAuthor({ platform: platform(undefined, 'me@x.test'), now }).by).toBe('me@x.test');
  });
});

describe('saving settings and templates notes real changes only', () => {
  const author = { at: at(5), by: 'bob@x.test' };

  it('settings: the fields that changed, in words', () => {
    const { store } = start();
    saveSettings(store, { senderName: 'Sam' }, author); // as saved already
    expect(readChanges(store)).toEqual([]);
    saveSettings(store, { senderName: 'Evil Corp', ccSelf: true, sendHour: '9' }, author);
    expect(readChanges(store)).toEqual([{ ...author, what: 'settings', detail: 'your name for the emails, CC me' }]);
  });

  it('settings: nothing for a refused save, nor without an author', () => {
    const { store } = start();
    saveSettings(store, { senderName: '', ccSelf: true }, author);
    saveSettings(store, { ccSelf: true });
    expect(readChanges(store)).toEqual([]);
  });

  it('templates: an edit, and a reset of an edited one; not a save of the same words', () => {
    const { store } = start();
    const firm = defaultTemplates().firm;
    saveTemplate(store, 'firm', firm, author);
    expect(readChanges(store)).toEqual([]);
    expect(saveTemplate(store, 'firm', { ...firm, subject: 'Pay now, {{client}}' }, author)).toEqual([]);
    saveTemplate(store, 'firm', { ...firm, subject: 'Pay now, {{client}}' }, author);
    resetTemplate(store, 'firm', author);
    resetTemplate(store, 'firm', author);
    expect(readChanges(store).map((c) => [c.what, c.detail])).toEqual([
      ['template', 'Firm reminder (day 7)'],
      ['templateReset', 'Firm reminder (day 7)'],
    ]);
  });
});
