// The claim a sending run writes in the shared store (README "Duplicates: what the add-on promises"),
// on plain-object ports where another run's claim can appear at any point: two runs can never both
// go ahead, and when two see each other the one whose claim comes first wins.
import { CLAIM_LIFETIME_MS, claimSendingRun } from '../../src/app/runClaim';
import { StoreFullError } from '../../src/app/ports';
import { fakePorts } from './fakePorts';

const TODAY = '2026-11-10';

function setup() {
  const ports = fakePorts(TODAY, []);
  const pauses: number[] = [];
  ports.pause = (ms) => void pauses.push(ms);
  const claims = () => [...ports.props.keys()].filter((k) => k.startsWith('run:'));
  return { ports, pauses, claims };
}

describe('claimSendingRun', () => {
  it('alone: writes a claim, flushed before it is read back, and removes it on release', () => {
    const { ports, claims } = setup();
    const flushed: string[][] = [];
    ports.spreadsheet.flush = () => void flushed.push(claims());
    const claimed = claimSendingRun(ports, 'daily', 'me@example.test');
    expect(claimed.ok).toBe(true);
    if (!claimed.ok) return;
    expect(flushed[0]).toEqual([claimed.claim.key]);
    expect(claimed.claim.stillOurs()).toBe(true);
    claimed.claim.release();
    expect(claims()).toEqual([]);
    expect(claimed.claim.stillOurs()).toBe(false);
  });

  it("another run's live claim: busy, and nothing is written", () => {
    const { ports, claims } = setup();
    ports.props.set('run:other', JSON.stringify({ at: ports.now() - 60_000, by: 'kim', trigger: 'menu' }));
    const claimed = claimSendingRun(ports, 'daily', null);
    expect(claimed).toMatchObject({ ok: false, reason: 'busy' });
    expect(claims()).toEqual(['run:other']);
  });

  it('a claim older than a run can live is a killed run: ignored and removed', () => {
    const { ports, claims } = setup();
    ports.props.set('run:dead', JSON.stringify({ at: ports.now() - CLAIM_LIFETIME_MS - 1, by: 'kim', trigger: 'menu' }));
    const claimed = claimSendingRun(ports, 'daily', null);
    expect(claimed.ok).toBe(true);
    expect(claims()).toHaveLength(1);
    expect(claims()).not.toContain('run:dead');
  });

  it('two runs that see each other both withdraw; the first claim retries sooner and wins, the other then stops', () => {
    const { ports, pauses, claims } = setup();
    let flushes = 0;
    // The other run's claim becomes visible with ours, stamped a second later: ours comes first.
    ports.spreadsheet.flush = () => {
      if (++flushes === 1) ports.props.set('run:other', JSON.stringify({ at: ports.now() + 1_000, by: 'kim', trigger: 'menu' }));
    };
    // While we wait, the other run (which saw ours first) withdraws too.
    ports.pause = (ms) => {
      pauses.push(ms);
      ports.props.delete('run:other');
    };
    const claimed = claimSendingRun(ports, 'daily', null);
    expect(claimed.ok).toBe(true);
    expect(pauses).toEqual([1_000]);
    expect(claims()).toHaveLength(1);
  });

  it('when the other claim comes first: withdraw, wait longer, find it standing, and stop', () => {
    const { ports, pauses, claims } = setup();
    ports.spreadsheet.flush = () => {
      if (!ports.props.has('run:other'))
        ports.props.set('run:other', JSON.stringify({ at: ports.now() - 1_000, by: 'kim', trigger: 'menu' }));
    };
    const claimed = claimSendingRun(ports, 'daily', null);
    expect(claimed).toMatchObject({ ok: false, reason: 'busy' });
    expect(pauses).toEqual([4_000]);
    expect(claims()).toEqual(['run:other']);
  });

  it.each(['read', 'write', 'flush'])(
    'never both: another run that claims entirely at our %s, its writes held back until its flush, leaves one run going ahead',
    (point) => {
      // One shared store whose writes another execution sees only after the writer flushes.
      const shared = new Map<string, string>();
      const run = (name: string, nested: ((at: string) => void) | null) => {
        const ports = fakePorts(TODAY, []);
        const pending = new Map<string, string | null>();
        const view = () => {
          const all = new Map(shared);
          for (const [k, v] of pending)
            if (v === null) all.delete(k);
            else all.set(k, v);
          return all;
        };
        ports.store.writeJson = (key, value) => {
          nested?.('write');
          pending.set(key, JSON.stringify(value));
        };
        ports.store.delete = (key) => void pending.set(key, null);
        ports.store.readAllJson = (prefix) =>
          [...view()].filter(([k]) => k.startsWith(prefix)).map(([key, v]) => ({ key, value: JSON.parse(v) as unknown }));
        ports.store.readFreshOrdered = (prefix) => {
          nested?.('read');
          return [...view()]
            .filter(([k]) => k.startsWith(prefix))
            .map(([key, v], order) => ({ key, value: JSON.parse(v) as unknown, order }));
        };
        ports.spreadsheet.flush = () => {
          for (const [k, v] of pending)
            if (v === null) shared.delete(k);
            else shared.set(k, v);
          pending.clear();
          nested?.('flush');
        };
        return claimSendingRun(ports, name, null);
      };
      let inner: ReturnType<typeof run> | null = null;
      const outer = run('A', (at) => {
        if (at === point && inner === null) inner = run('B', null);
      });
      const ahead = [outer, inner].filter((c) => c?.ok === true);
      expect(inner).not.toBeNull();
      expect(ahead).toHaveLength(1);
    },
  );

  it('a store without room: reason full (the owner is told), nothing else written', () => {
    const { ports, claims } = setup();
    ports.store.writeJson = () => {
      throw new StoreFullError('full');
    };
    expect(claimSendingRun(ports, 'daily', null)).toMatchObject({ ok: false, reason: 'full' });
    expect(claims()).toEqual([]);
  });
});
