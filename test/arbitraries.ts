// Shared fast-check arbitraries of the property tests.
import fc from 'fast-check';

/** Code points 0xD800–0xDFFF (the surrogates) are not characters: fast-check's 'binary' unit skips them too. */
const SURROGATES = 0x800;
const FIRST_SURROGATE = 0xd800;

/**
 * One code point, as `fc.string({ unit: 'binary' })` draws it: the same indexes over the same
 * characters, so the same values and the same shrinking. fast-check reads a drawn string back into
 * indexes through a table of all 1.1 million characters, built once per module instance; jest loads
 * fast-check afresh in every test file, and building that table took 0.9 s of CPU each time. Here
 * the way back is arithmetic.
 */
const codePoint = fc.integer({ min: 0, max: 0x10ffff - SURROGATES }).map(
  (index) => String.fromCodePoint(index < FIRST_SURROGATE ? index : index + SURROGATES),
  (value) => {
    const cp = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (cp === undefined || String.fromCodePoint(cp) !== value || (cp >= FIRST_SURROGATE && cp < FIRST_SURROGATE + SURROGATES)) {
      throw new Error('not one code point');
    }
    return cp < FIRST_SURROGATE ? cp : cp - SURROGATES;
  },
);

/** `fc.string({ unit: 'binary', ...constraints })`: any code points, control characters included. */
export function binaryString(constraints: Omit<fc.StringConstraints, 'unit'> = {}): fc.Arbitrary<string> {
  return fc.string({ ...constraints, unit: codePoint });
}
