// The claim a sending run writes in the shared store (README "Duplicates: what the add-on promises"),
// on plain-object ports where another run's claim can appear at any point: two runs can never both
// go ahead, and when two see each other the one whose claim comes first wins.
import { CLAIM_LIFETIME_MS, claimSendingRun } from '../../src/app/runClaim';
import { StoreFullError, type Ports } from '../../src/app/ports';
import { fakePorts } from './fakePorts';

const TODAY = '2026-11-10';

function setup() {
  const ports = fakePorts(TODAY, []);
  const pauses: number[] = [];
  ports.pause = (ms) => void pauses.push(ms);
  const claims = () => ports.shared.filter((e) => e.key === 'run').map((e) => JSON.parse(e.json) as { id: string });
  const otherClaim = (at: number) => ports.store.addShared('run', { id: 'other', at, by: 'kim', trigger: 'menu' });
  return { ports, pauses, claims, otherClaim };
}

describe('claimSendingRun', () => {
  it('alone: writes a claim, flushed before it is read back, and removes it on release', () => {
    const { ports, claims } = setup();
    const flushed: string[][] = [];
    ports.spreadsheet.flush = () => void flushed.push(claims().map((c) => c.id));
    const claimed = claimSendingRun(ports, 'daily', 'me@example.test');
    expect(claimed.ok).toBe(true);
    if (!claimed.ok) return;
    expect(flushed[0]).toEqual([claimed.claim.id]);
    expect(claimed.claim.stillOurs()).toBe(true);
    claimed.claim.release();
    expect(claims()).toEqual([]);
    expect(claimed.claim.stillOurs()).toBe(false);
  });

  it("another run's live claim: busy, and nothing is written", () => {
    const { ports, claims, otherClaim } = setup();
    otherClaim(ports.now() - 60_000);
    expect(claimSendingRun(ports, 'daily', null)).toMatchObject({ ok: false, reason: 'busy' });
    expect(claims().map((c) => c.id)).toEqual(['other']);
  });

  it('a claim older than a run can live is a killed run: ignored and removed', () => {
    const { ports, claims, otherClaim } = setup();
    otherClaim(ports.now() - CLAIM_LIFETIME_MS - 1);
    expect(claimSendingRun(ports, 'daily', null).ok).toBe(true);
    expect(claims()).toHaveLength(1);
    expect(claims()[0]?.id).not.toBe('other');
  });

  it('two runs that see each other both withdraw; the first claim retries sooner and wins, the other then stops', () => {
    const { ports, pauses, claims, otherClaim } = setup();
    let flushes = 0;
    // The other run's claim becomes visible with ours, stamped a second later: ours comes first.
    ports.spreadsheet.flush = () => {
      if (++flushes === 1) otherClaim(ports.now() + 1_000);
    };
    // While we wait, the other run (which saw ours first) withdraws too.
    ports.pause = (ms) => {
      pauses.push(ms);
      ports.store.removeShared('run', (v) => (v as { id: string }).id === 'other');
    };
    expect(claimSendingRun(ports, 'daily', null).ok).toBe(true);
    expect(pauses).toEqual([1_000]);
    expect(claims()).toHaveLength(1);
  });

  it('when the other claim comes first: withdraw, wait longer, find it standing, and stop', () => {
    const { ports, pauses, claims, otherClaim } = setup();
    ports.spreadsheet.flush = () => {
      if (claims().every((c) => c.id !== 'other')) otherClaim(ports.now() - 1_000);
    };
    expect(claimSendingRun(ports, 'daily', null)).toMatchObject({ ok: false, reason: 'busy' });
    expect(pauses).toEqual([4_000]);
    expect(claims().map((c) => c.id)).toEqual(['other']);
  });

  it.each(['read', 'write', 'flush'])(
    'never both: another run that claims entirely at our %s, its writes held back until its flush, leaves one run going ahead',
    (point) => {
      // One shared store whose additions another execution sees only after the writer flushes.
      const visible: Array<{ json: string; order: number }> = [];
      let order = 0;
      const run = (name: string, nested: ((at: string) => void) | null) => {
        const ports: Ports = fakePorts(TODAY, []);
        let pending: Array<{ json: string; order: number }> = [];
        let removed = new Set<number>();
        const view = () => [...visible, ...pending].filter((e) => !removed.has(e.order));
        ports.store.readShared = () => {
          nested?.('read');
          return view().map((e) => ({ value: JSON.parse(e.json) as unknown, order: e.order }));
        };
        ports.store.addShared = (_key, value) => {
          nested?.('write');
          pending.push({ json: JSON.stringify(value), order: ++order });
        };
        ports.store.removeShared = (_key, matches) => {
          for (const e of view()) if (matches(JSON.parse(e.json))) removed.add(e.order);
        };
        ports.spreadsheet.flush = () => {
          visible.push(...pending);
          for (let i = visible.length - 1; i >= 0; i--) if (removed.has(visible[i]!.order)) visible.splice(i, 1);
          pending = [];
          removed = new Set();
          nested?.('flush');
        };
        return claimSendingRun(ports, name, null);
      };
      let inner: ReturnType<typeof run> | null = null;
      const outer = run('A', (at) => {
        if (at === point && inner === null) inner = run('B', null);
      });
      expect(inner).not.toBeNull();
      expect([outer, inner].filter((c) => c?.ok === true)).toHaveLength(1);
    },
  );

  it('a store without room: reason full (the owner is told), nothing else written', () => {
    const { ports, claims } = setup();
    ports.store.addShared = () => {
      throw new StoreFullError('full');
    };
    expect(claimSendingRun(ports, 'daily', null)).toMatchObject({ ok: false, reason: 'full' });
    expect(claims()).toEqual([]);
  });
});
