// Late-payment interest and fixed compensation for one invoice (docs/late-payment.md).
//
// Simple interest, counted per calendar day from the day after the due date up to and including
// `today`, on a 365-day year, rounded half-up to the currency's minor unit. The arithmetic is done
// on whole minor units with BigInt, so no binary fraction ever decides a rounding.
import { addDays, daysBetween, isIsoDate } from './dates';
import { formatMoney, fromMinorUnits, roundMoney, sumMoney, toMinorUnits } from './money';
import type { IsoDate, LatePaymentRegime, LatePaymentSettings } from './types';

/** What the engine needs of an invoice: the amount still owed, its currency and its due date. */
export interface LateInvoice {
  balance: number;
  currency: string;
  dueDate: IsoDate;
}

/** A reference rate (percent a year) and the half-year it applies to ('2026-H1'). */
export interface RatePeriod {
  period: string;
  percent: number;
}

export interface LateInterestOptions {
  /** The client (or this row) is a consumer: statutory interest and compensation never apply. */
  consumer?: boolean;
  /** Reference rates of earlier half-years, for invoices late since before the current one. */
  earlierRates?: readonly RatePeriod[];
}

export type LateInterestWarningCode =
  | 'reference-rate-outdated'
  | 'reference-rate-period-unknown'
  | 'reference-rate-assumed'
  | 'compensation-needs-conversion'
  | 'margin-below-minimum';

export type NotAppliedCode = 'off' | 'consumer' | 'nothing-owed' | 'not-late' | 'invalid-settings';

export interface LateInterestWarning {
  code: LateInterestWarningCode;
  message: string;
}

/** Days charged at one yearly rate. */
export interface InterestSegment {
  from: IsoDate;
  to: IsoDate;
  days: number;
  ratePercent: number;
  interest: number;
}

export interface LateInterest {
  regime: LatePaymentRegime;
  currency: string;
  balance: number;
  /** Calendar days late (0 up to and including the due date). */
  days: number;
  interest: number;
  compensation: number;
  /** balance + interest + compensation. */
  amountClaimed: number;
  /** The yearly rate of the last segment (the one running today); 0 when nothing applies. */
  ratePercent: number;
  segments: InterestSegment[];
  warnings: LateInterestWarning[];
  /** Set when no interest or compensation applies, with the reason in words for the row. */
  notApplied?: { code: NotAppliedCode; message: string };
}

/** Points over the reference rate: 8 by the UK Act, at least 8 by the EU directive. */
const STATUTORY_MARGIN = 8;
const EU_COMPENSATION_EUR = 40;

// ---------------------------------------------------------------------------------------------
// Half-years

/** '2026-H1' for January–June, '2026-H2' for July–December. */
export function halfYearOf(d: IsoDate): string {
  return `${d.slice(0, 4)}-H${Number(d.slice(5, 7)) <= 6 ? 1 : 2}`;
}

function isHalfYear(p: string): boolean {
  return typeof p === 'string' && /^\d{4}-H[12]$/.test(p);
}

function halfYearStart(p: string): IsoDate {
  return `${p.slice(0, 4)}-${p.endsWith('H1') ? '01-01' : '07-01'}`;
}

function halfYearEnd(p: string): IsoDate {
  return `${p.slice(0, 4)}-${p.endsWith('H1') ? '06-30' : '12-31'}`;
}

// ---------------------------------------------------------------------------------------------
// Reference rates

interface RateBook {
  /** Known rates by half-year; empty when the user gave a rate without its half-year. */
  byPeriod: Map<string, number>;
  /** The rate to use when no period is known at all. */
  fallback: number;
}

function rateBook(settings: LatePaymentSettings, earlier: readonly RatePeriod[]): RateBook {
  const byPeriod = new Map<string, number>();
  for (const r of earlier) {
    if (isHalfYear(r.period) && Number.isFinite(r.percent)) byPeriod.set(r.period, r.percent);
  }
  if (isHalfYear(settings.referenceRatePeriod)) byPeriod.set(settings.referenceRatePeriod, settings.referenceRatePercent);
  return { byPeriod, fallback: settings.referenceRatePercent };
}

/** The rate for `period`: its own when entered, else the nearest earlier one, else the nearest later one. */
function referenceRate(book: RateBook, period: string): { percent: number; from: string | null } {
  const own = book.byPeriod.get(period);
  if (own !== undefined) return { percent: own, from: period };
  const known = [...book.byPeriod.keys()].sort();
  const nearest = known.filter((p) => p < period).pop() ?? known[0];
  if (nearest === undefined) return { percent: book.fallback, from: null };
  return { percent: book.byPeriod.get(nearest) ?? book.fallback, from: nearest };
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

/** balance × rate% × days / 365, rounded half-up to the currency's minor unit. */
export function simpleInterest(balance: number, currency: string, ratePercent: number, days: number): number {
  if (!(balance > 0) || !(ratePercent > 0) || !(days > 0)) return 0;
  const minor = BigInt(toMinorUnits(balance, currency));
  const rateThousandths = BigInt(Math.round(ratePercent * 1000));
  const numerator = minor * rateThousandths * BigInt(Math.round(days));
  const denominator = BigInt(365 * 100 * 1000);
  const rounded = (BigInt(2) * numerator + denominator) / (BigInt(2) * denominator);
  return fromMinorUnits(Number(rounded), currency);
}

/** The UK Act's fixed sum by the size of the debt: £40 under £1,000, £70 under £10,000, £100 above. */
export function ukFixedSum(balance: number): number {
  if (balance < 1000) return 40;
  if (balance < 10000) return 70;
  return 100;
}

// ---------------------------------------------------------------------------------------------
// Segments of days at one rate

interface RatedDays {
  segments: InterestSegment[];
  warnings: LateInterestWarning[];
}

function segment(invoice: LateInvoice, from: IsoDate, to: IsoDate, ratePercent: number): InterestSegment {
  const days = daysBetween(from, to) + 1;
  const rate = Math.max(0, ratePercent);
  return { from, to, days, ratePercent: rate, interest: simpleInterest(invoice.balance, invoice.currency, rate, days) };
}

function assumedWarning(period: string, from: string | null): LateInterestWarning[] {
  if (from === null || from === period) return [];
  return [
    {
      code: 'reference-rate-assumed',
      message: `No reference rate was entered for ${period}; the rate for ${from} was used. Enter the rate for ${period} to be exact.`,
    },
  ];
}

/**
 * UK: one rate for the whole debt — the base rate in force on 31 December (for interest that starts
 * to run January–June) or 30 June (July–December) before the day interest starts, plus 8 points.
 */
function ukDays(invoice: LateInvoice, book: RateBook, start: IsoDate, end: IsoDate): RatedDays {
  const period = halfYearOf(start);
  const ref = referenceRate(book, period);
  return { segments: [segment(invoice, start, end, ref.percent + STATUTORY_MARGIN)], warnings: assumedWarning(period, ref.from) };
}

/** EU: each half-year's days at that half-year's reference rate plus the margin (at least 8 points). */
function euDays(invoice: LateInvoice, book: RateBook, margin: number, start: IsoDate, end: IsoDate): RatedDays {
  const segments: InterestSegment[] = [];
  const warnings: LateInterestWarning[] = [];
  let cursor = start;
  while (cursor <= end) {
    const period = halfYearOf(cursor);
    const last = halfYearEnd(period) < end ? halfYearEnd(period) : end;
    const ref = referenceRate(book, period);
    segments.push(segment(invoice, cursor, last, ref.percent + margin));
    warnings.push(...assumedWarning(period, ref.from));
    cursor = addDays(last, 1);
  }
  return { segments, warnings };
}

function euMargin(settings: LatePaymentSettings): { margin: number; warnings: LateInterestWarning[] } {
  const given = settings.marginPercent;
  if (Number.isFinite(given) && given >= STATUTORY_MARGIN) return { margin: given, warnings: [] };
  if (!Number.isFinite(given) || given === 0) return { margin: STATUTORY_MARGIN, warnings: [] };
  return {
    margin: STATUTORY_MARGIN,
    warnings: [
      {
        code: 'margin-below-minimum',
        message: `The margin ${given} points is below the directive's minimum of 8; 8 points were used.`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Compensation and the checks on the reference rate

function compensationFor(
  invoice: LateInvoice,
  settings: LatePaymentSettings,
): { compensation: number; warnings: LateInterestWarning[] } {
  if (settings.regime === 'custom') {
    const fee = settings.fixedCompensation;
    return { compensation: Number.isFinite(fee) && fee > 0 ? roundMoney(fee, invoice.currency) : 0, warnings: [] };
  }
  const uk = settings.regime === 'uk';
  const lawCurrency = uk ? 'GBP' : 'EUR';
  if (invoice.currency === lawCurrency) {
    return { compensation: uk ? ukFixedSum(invoice.balance) : EU_COMPENSATION_EUR, warnings: [] };
  }
  const sum = uk ? 'fixed sum (£40, £70 or £100)' : 'fixed €40';
  return {
    compensation: 0,
    warnings: [
      {
        code: 'compensation-needs-conversion',
        message: `The ${sum} is set in ${lawCurrency}; this invoice is in ${invoice.currency}, so it was not added. Convert it as your law requires and add it yourself.`,
      },
    ],
  };
}

function rateWarnings(settings: LatePaymentSettings, today: IsoDate): LateInterestWarning[] {
  const period = settings.referenceRatePeriod;
  if (!isHalfYear(period)) {
    return [
      {
        code: 'reference-rate-period-unknown',
        message: `The half-year of the reference rate is not set, so ${settings.referenceRatePercent}% was used for every day. Set it in Settings.`,
      },
    ];
  }
  const current = halfYearOf(today);
  if (period >= current) return [];
  return [
    {
      code: 'reference-rate-outdated',
      message: `The reference rate entered is for ${period}; a new rate applies from ${halfYearStart(current)} (${current}). Update it in Settings.`,
    },
  ];
}

const NOT_APPLIED_WORDS: Record<NotAppliedCode, string> = {
  off: 'Late-payment interest is turned off in Settings.',
  consumer: 'No interest or compensation: this client is marked as a consumer (they apply to business clients only).',
  'nothing-owed': 'No interest or compensation: nothing is owed on this invoice.',
  'not-late': 'No interest or compensation yet: the invoice is not past its due date.',
  'invalid-settings': 'No interest or compensation: the late-payment rates in Settings are not numbers.',
};

function notApplied(invoice: LateInvoice, regime: LatePaymentRegime, code: NotAppliedCode, days: number): LateInterest {
  const balance = Number.isFinite(invoice.balance) && invoice.balance > 0 ? invoice.balance : 0;
  return {
    regime,
    currency: invoice.currency,
    balance,
    days,
    interest: 0,
    compensation: 0,
    amountClaimed: balance,
    ratePercent: 0,
    segments: [],
    warnings: [],
    notApplied: { code, message: NOT_APPLIED_WORDS[code] },
  };
}

function whyNotApplied(
  invoice: LateInvoice,
  settings: LatePaymentSettings,
  days: number,
  consumer: boolean,
): NotAppliedCode | null {
  if (settings.regime !== 'uk' && settings.regime !== 'eu' && settings.regime !== 'custom') return 'off';
  if (consumer) return 'consumer';
  if (!Number.isFinite(invoice.balance) || invoice.balance <= 0) return 'nothing-owed';
  if (days <= 0) return 'not-late';
  const rates = settings.regime === 'custom' ? [settings.marginPercent] : [settings.referenceRatePercent];
  return rates.every((r) => Number.isFinite(r)) ? null : 'invalid-settings';
}

// ---------------------------------------------------------------------------------------------
// The engine

function ratedDays(invoice: LateInvoice, settings: LatePaymentSettings, options: LateInterestOptions, today: IsoDate): RatedDays {
  const start = addDays(invoice.dueDate, 1);
  if (settings.regime === 'custom') return { segments: [segment(invoice, start, today, settings.marginPercent)], warnings: [] };
  const book = rateBook(settings, options.earlierRates ?? []);
  const checks = rateWarnings(settings, today);
  if (settings.regime === 'uk') {
    const uk = ukDays(invoice, book, start, today);
    return { segments: uk.segments, warnings: [...checks, ...uk.warnings] };
  }
  const { margin, warnings } = euMargin(settings);
  const eu = euDays(invoice, book, margin, start, today);
  return { segments: eu.segments, warnings: [...checks, ...warnings, ...eu.warnings] };
}

/**
 * Interest and fixed compensation owed on a late invoice on `today`.
 *
 * @example
 * lateInterest({ balance: 1000, currency: 'GBP', dueDate: '2026-03-01' },
 *   { regime: 'uk', referenceRatePercent: 5, referenceRatePeriod: '2026-H1', … }, '2026-03-22')
 * // → { days: 21, ratePercent: 13, interest: 7.48, compensation: 70, amountClaimed: 1077.48, … }
 */
export function lateInterest(
  invoice: LateInvoice,
  settings: LatePaymentSettings,
  today: IsoDate,
  options: LateInterestOptions = {},
): LateInterest {
  const regime = settings.regime;
  const days = isIsoDate(invoice.dueDate) && isIsoDate(today) ? Math.max(0, daysBetween(invoice.dueDate, today)) : 0;
  const why = whyNotApplied(invoice, settings, days, options.consumer === true);
  if (why !== null) return notApplied(invoice, why === 'off' ? 'off' : regime, why, days);
  const rated = ratedDays(invoice, settings, options, today);
  const { compensation, warnings } = compensationFor(invoice, settings);
  const interest = sumMoney(
    rated.segments.map((s) => s.interest),
    invoice.currency,
  );
  return {
    regime,
    currency: invoice.currency,
    balance: invoice.balance,
    days,
    interest,
    compensation,
    amountClaimed: sumMoney([invoice.balance, interest, compensation], invoice.currency),
    ratePercent: rated.segments[rated.segments.length - 1]?.ratePercent ?? 0,
    segments: rated.segments,
    warnings: [...rated.warnings, ...warnings],
  };
}

// ---------------------------------------------------------------------------------------------
// Placeholders

export type LatePaymentPlaceholder = 'interest' | 'compensation' | 'amount_claimed';

/**
 * `{{interest}}`, `{{compensation}}` and `{{amount_claimed}}` written for the locale ('£7.48',
 * '£70.00', '£1,077.48'). Empty when nothing applies (off, consumer, not late…), so a template that
 * uses them is reported as missing a value on that row rather than claiming £0.00.
 */
export function latePaymentValues(late: LateInterest, locale: string): Partial<Record<LatePaymentPlaceholder, string>> {
  if (late.notApplied !== undefined) return {};
  return {
    interest: formatMoney(late.interest, late.currency, locale),
    compensation: formatMoney(late.compensation, late.currency, locale),
    amount_claimed: formatMoney(late.amountClaimed, late.currency, locale),
  };
}
