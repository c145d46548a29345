// Small-claims limits to check before going to court: a dated table the user can edit
// (docs/late-payment.md, "The small-claims table"). Each row says where its figure came from and
// when it was checked; limits change, so the evidence pack always says to check the court's own.
import { isIsoDate } from './dates';
import { isCurrencyCode } from './money';
import type { IsoDate } from './types';

export interface SmallClaimsLimit {
  /** Stable key ('gb-eng-wls'). */
  id: string;
  jurisdiction: string;
  court: string;
  /** The largest claim the procedure takes, in major units of `currency`. */
  limit: number;
  currency: string;
  /** Who or what the limit applies to, and its exceptions. */
  note: string;
  /** Where the figure was read (printed as text, never fetched). */
  source: string;
  /** When the figure was checked against the source. */
  asOf: IsoDate;
}

const CHECKED: IsoDate = '2026-12-01';

/** The defaults: public figures, each with its source and the day it was checked. */
export const SMALL_CLAIMS_LIMITS: readonly SmallClaimsLimit[] = [
  {
    id: 'gb-eng-wls',
    jurisdiction: 'England and Wales',
    court: 'County Court, small claims track',
    limit: 10000,
    currency: 'GBP',
    note: 'Most money claims; lower limits for personal injury and housing disrepair.',
    source: 'gov.uk/make-court-claim-for-money; Civil Procedure Rules Part 26',
    asOf: CHECKED,
  },
  {
    id: 'gb-sct',
    jurisdiction: 'Scotland',
    court: 'Sheriff court, simple procedure',
    limit: 5000,
    currency: 'GBP',
    note: 'Claims for payment of £5,000 or less; above that, ordinary cause.',
    source: 'scotcourts.gov.uk/taking-action/simple-procedure',
    asOf: CHECKED,
  },
  {
    id: 'gb-nir',
    jurisdiction: 'Northern Ireland',
    court: 'County Court, small claims',
    limit: 5000,
    currency: 'GBP',
    note: 'Raised from £3,000 on 3 October 2022 (County Courts (Financial Limits) Order (NI) 2022).',
    source: 'nidirect.gov.uk/articles/small-claims-process',
    asOf: CHECKED,
  },
  {
    id: 'ie-small-claims',
    jurisdiction: 'Ireland',
    court: 'District Court, small claims procedure',
    limit: 2000,
    currency: 'EUR',
    note: 'Not for debts: an unpaid invoice goes to the District Court (next row).',
    source: 'citizensinformation.ie — Small claims procedure',
    asOf: CHECKED,
  },
  {
    id: 'ie-district',
    jurisdiction: 'Ireland',
    court: 'District Court (civil)',
    limit: 15000,
    currency: 'EUR',
    note: 'Debt collection up to €15,000; a solicitor is usual.',
    source: 'Courts and Civil Law (Miscellaneous Provisions) Act 2013; brophylegalsupport.ie District Court proceedings',
    asOf: CHECKED,
  },
  {
    id: 'us-ca-individual',
    jurisdiction: 'California',
    court: 'Superior Court, small claims',
    limit: 12500,
    currency: 'USD',
    note: 'Natural persons, sole proprietors included; at most two claims over $2,500 a year.',
    source: 'Code of Civil Procedure §116.221',
    asOf: CHECKED,
  },
  {
    id: 'us-ca-business',
    jurisdiction: 'California',
    court: 'Superior Court, small claims',
    limit: 6250,
    currency: 'USD',
    note: 'Corporations, LLCs, partnerships and other entities.',
    source: 'Code of Civil Procedure §116.220(a)',
    asOf: CHECKED,
  },
  {
    id: 'us-tx',
    jurisdiction: 'Texas',
    court: 'Justice Court, small claims',
    limit: 20000,
    currency: 'USD',
    note: 'Excluding statutory interest and court costs, including attorney fees.',
    source: 'Government Code §27.031; TRCP 500.3(a); faq.sll.texas.gov',
    asOf: CHECKED,
  },
  {
    id: 'us-ny-nyc',
    jurisdiction: 'New York City',
    court: 'Civil Court, small claims part',
    limit: 10000,
    currency: 'USD',
    note: 'Individuals; businesses use commercial small claims. Other city courts $5,000, town and village courts $3,000.',
    source: 'NYC Civil Court Act §1801; findlaw.com New York Small Claims Courts',
    asOf: CHECKED,
  },
  {
    id: 'us-fl',
    jurisdiction: 'Florida',
    court: 'County Court, small claims',
    limit: 8000,
    currency: 'USD',
    note: 'Excluding costs, interest and attorney fees.',
    source: 'Florida Small Claims Rules; clerk.org County Civil and Small Claims',
    asOf: CHECKED,
  },
  {
    id: 'us-il',
    jurisdiction: 'Illinois',
    court: 'Circuit Court, small claims',
    limit: 10000,
    currency: 'USD',
    note: 'Exclusive of interest and costs; a corporation claimant needs an attorney.',
    source: 'Illinois Supreme Court Rule 281; nolo.com Illinois Small Claims Courts',
    asOf: CHECKED,
  },
  {
    id: 'ca-on',
    jurisdiction: 'Ontario',
    court: 'Small Claims Court',
    limit: 50000,
    currency: 'CAD',
    note: 'Raised from $35,000 on 1 October 2025.',
    source: 'O. Reg. 626/00 as amended by O. Reg. 42/25',
    asOf: CHECKED,
  },
  {
    id: 'ca-bc',
    jurisdiction: 'British Columbia',
    court: 'Provincial Court, small claims',
    limit: 35000,
    currency: 'CAD',
    note: 'From $5,001; claims of $5,000 or less go to the Civil Resolution Tribunal.',
    source: 'provincialcourt.bc.ca — Small claims cases',
    asOf: CHECKED,
  },
  {
    id: 'ca-ab',
    jurisdiction: 'Alberta',
    court: 'Alberta Court of Justice, civil claims',
    limit: 100000,
    currency: 'CAD',
    note: 'Raised from $50,000 on 1 August 2023.',
    source: 'alberta.ca — civil claims limit news release',
    asOf: CHECKED,
  },
  {
    id: 'au-nsw',
    jurisdiction: 'New South Wales',
    court: 'Local Court, Small Claims Division',
    limit: 20000,
    currency: 'AUD',
    note: 'Local Court Act 2007 s 29(1)(b).',
    source: 'judcom.nsw.gov.au — Local Court Bench Book, Small claims',
    asOf: CHECKED,
  },
  {
    id: 'au-qld',
    jurisdiction: 'Queensland',
    court: 'QCAT, minor debt dispute',
    limit: 25000,
    currency: 'AUD',
    note: 'An agreed, fixed amount; excluding interest. Up to $150,000 in the Magistrates Court.',
    source: 'qcat.qld.gov.au — Minor debt disputes',
    asOf: CHECKED,
  },
];

export type SmallClaimsFit = 'within' | 'over' | 'other-currency';

/** Does `amount` in `currency` fit under the row's limit? Another currency cannot be compared. */
export function smallClaimsFit(amount: number, currency: string, row: SmallClaimsLimit): SmallClaimsFit {
  if (currency !== row.currency) return 'other-currency';
  return amount <= row.limit ? 'within' : 'over';
}

export interface SmallClaimsIssue {
  row: number;
  field: keyof SmallClaimsLimit;
  code: 'missing' | 'not-a-number' | 'not-a-currency' | 'not-a-date';
  message: string;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function rowIssue(raw: Record<string, unknown>, row: number): SmallClaimsIssue | null {
  const n = row + 1;
  if (text(raw.jurisdiction) === '') return { row, field: 'jurisdiction', code: 'missing', message: `Row ${n} has no place.` };
  if (typeof raw.limit !== 'number' || !Number.isFinite(raw.limit) || raw.limit <= 0) {
    return { row, field: 'limit', code: 'not-a-number', message: `Row ${n}: the limit must be a positive number.` };
  }
  if (!isCurrencyCode(text(raw.currency))) {
    return { row, field: 'currency', code: 'not-a-currency', message: `Row ${n}: the currency must be a code such as GBP.` };
  }
  if (!isIsoDate(text(raw.asOf))) {
    return { row, field: 'asOf', code: 'not-a-date', message: `Row ${n}: "as of" must be a date (YYYY-MM-DD).` };
  }
  return null;
}

/**
 * The user's edited table, checked row by row: good rows are kept, each bad row is reported with
 * its field. Anything that is not a list (nothing saved yet) gives the defaults.
 */
export function smallClaimsTable(stored: unknown): { rows: SmallClaimsLimit[]; issues: SmallClaimsIssue[] } {
  if (!Array.isArray(stored)) return { rows: SMALL_CLAIMS_LIMITS.map((r) => ({ ...r })), issues: [] };
  const rows: SmallClaimsLimit[] = [];
  const issues: SmallClaimsIssue[] = [];
  stored.forEach((item: unknown, i) => {
    const raw = (item !== null && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const issue = rowIssue(raw, i);
    if (issue !== null) {
      issues.push(issue);
      return;
    }
    rows.push({
      id: text(raw.id) || `row-${i + 1}`,
      jurisdiction: text(raw.jurisdiction),
      court: text(raw.court),
      limit: raw.limit as number,
      currency: text(raw.currency),
      note: text(raw.note),
      source: text(raw.source),
      asOf: text(raw.asOf),
    });
  });
  return { rows, issues };
}
