// Units of length and area: exact factors, conversions, formatting, and the spelling table.
import * as assert from 'assert';
import {
  clean, convert, convertRange, formatNumber, formatQuantity, formatSI, fromSI, isUnitLabel, siUnitOf, toSI,
  UNIT_SPELLINGS, UNITS, UnitLabel,
} from '../../server/src/core/units';

describe('units', () => {
  it('uses the exact legal factors', () => {
    assert.strictEqual(UNITS.mi.factor, 1609.344);
    assert.strictEqual(UNITS.nmi.factor, 1852);
    assert.strictEqual(UNITS.ft.factor, 0.3048);
    assert.strictEqual(UNITS.yd.factor, 0.9144);
    assert.strictEqual(UNITS.in.factor, 0.0254);
    assert.strictEqual(UNITS.km.factor, 1000);
    assert.strictEqual(UNITS.acre.factor, 4046.8564224);
    assert.strictEqual(UNITS.ha.factor, 1e4);
    assert.strictEqual(UNITS.km2.factor, 1e6);
    assert.strictEqual(UNITS.dunam.factor, 1000);
    assert.strictEqual(UNITS.mi2.factor, 2589988.110336);
    assert.strictEqual(UNITS.ft2.factor, 0.09290304);
  });

  it('derives square units from their linear units', () => {
    assert.strictEqual(clean(UNITS.mi.factor ** 2), UNITS.mi2.factor);
    assert.strictEqual(clean(UNITS.ft.factor ** 2), UNITS.ft2.factor);
    assert.strictEqual(clean(UNITS.km.factor ** 2), UNITS.km2.factor);
    // An acre is 43,560 square feet; a yard three feet.
    assert.strictEqual(clean(43560 * UNITS.ft2.factor), UNITS.acre.factor);
    assert.strictEqual(clean(3 * UNITS.ft.factor), UNITS.yd.factor);
  });

  it('labels every unit consistently', () => {
    for (const [label, def] of Object.entries(UNITS)) {
      assert.strictEqual(def.label, label);
      assert.ok(isUnitLabel(label));
      assert.ok(def.factor > 0);
      assert.strictEqual(siUnitOf(def.dimension), def.dimension === 'length' ? 'm' : 'm2');
    }
    assert.ok(!isUnitLabel('parsec'));
    assert.ok(!isUnitLabel('toString'), 'no prototype keys');
  });

  it('converts to and from SI without binary noise', () => {
    assert.strictEqual(toSI(2.5, 'mi'), 4023.36);
    assert.strictEqual(toSI(12, 'km'), 12000);
    assert.strictEqual(toSI(0.1, 'km'), 100);
    assert.strictEqual(toSI(3, 'acre'), 12140.5692672);
    assert.strictEqual(fromSI(1852, 'nmi'), 1);
    assert.strictEqual(fromSI(4023.36, 'mi'), 2.5);
    assert.strictEqual(toSI(1, 'furlong'), undefined);
    assert.strictEqual(fromSI(1, 'furlong'), undefined);
  });

  it('converts between units of one dimension and refuses across dimensions', () => {
    assert.strictEqual(convert(1, 'mi', 'km'), 1.609344);
    assert.strictEqual(convert(45, 'km', 'mi'), clean(45000 / 1609.344));
    assert.strictEqual(convert(1, 'km2', 'ha'), 100);
    assert.strictEqual(convert(1, 'ha', 'dunam'), 10);
    assert.strictEqual(convert(640, 'acre', 'mi2'), 1);
    assert.strictEqual(convert(1, 'nmi', 'm'), 1852);
    assert.strictEqual(convert(1, 'km', 'km2'), undefined);
    assert.strictEqual(convert(1, 'km', 'bogus'), undefined);
    assert.deepStrictEqual(convertRange([20, 25], 'km', 'm'), [20000, 25000]);
    assert.strictEqual(convertRange([20, 25], 'km', 'ha'), undefined);
  });

  it('round-trips every unit through SI', () => {
    for (const label of Object.keys(UNITS) as UnitLabel[]) {
      for (const x of [0.5, 1, 12, 550, 90000]) assert.strictEqual(fromSI(toSI(x, label)!, label), x, `${x} ${label}`);
    }
  });

  describe('formatNumber', () => {
    const cases: [number, Parameters<typeof formatNumber>[1], string][] = [
      [0, {}, '0'], [12, {}, '12'], [1234, {}, '1,234'], [1234567.891, {}, '1,234,567.891'],
      [-4000, {}, '-4,000'], [0.2, {}, '0.2'], [4023.36, {}, '4,023.36'], [90000000000, {}, '90,000,000,000'],
      [27.9617, { significant: 3 }, '28'], [7.4564, { significant: 3 }, '7.46'], [34749.4, { significant: 3 }, '34,700'],
      [0.0012345, { significant: 3 }, '0.00123'], [45.061632, { maxDecimals: 3 }, '45.062'], [1 / 3, {}, '0.333333'],
      [NaN, {}, '?'], [Infinity, {}, '?'], [-0.0000001, {}, '0'],
    ];
    for (const [x, opts, out] of cases) it(`${x} ${JSON.stringify(opts)} → ${out}`, () => assert.strictEqual(formatNumber(x, opts), out));
  });

  it('formats quantities and SI values readably', () => {
    assert.strictEqual(formatQuantity(550, 'km2'), '550 km²');
    assert.strictEqual(formatQuantity([20, 25], 'km'), '20–25 km');
    assert.strictEqual(formatQuantity(1200, 'mi2'), '1,200 sq mi');
    assert.strictEqual(formatSI(12000, 'm'), '12 km');
    assert.strictEqual(formatSI(300, 'm'), '300 m');
    assert.strictEqual(formatSI([20000, 25000], 'm'), '20–25 km');
    assert.strictEqual(formatSI(5.5e8, 'm2'), '550 km²');
    assert.strictEqual(formatSI(400, 'm2'), '400 m²');
    assert.strictEqual(formatSI(60, '%'), '60%');
    assert.strictEqual(formatSI([20, 25], '%'), '20–25%');
    assert.strictEqual(formatSI(4000, '1'), '4,000');
  });

  it('compiles every spelling, and each reads what it claims', () => {
    for (const s of UNIT_SPELLINGS) {
      assert.doesNotThrow(() => new RegExp(s.pattern, 'u'), s.pattern);
      assert.ok(isUnitLabel(s.unit));
    }
    const read = (t: string) => UNIT_SPELLINGS.find(s => new RegExp(`^(?:${s.pattern})$`, 'u').test(t));
    const expect: [string, UnitLabel, boolean][] = [
      ['km', 'km', false], ['kilometres', 'km', false], ['Kilometers', 'km', false], ['KM', 'km', false],
      ['kms', 'km', false], ['m', 'm', false], ['metres', 'm', false], ['mi', 'mi', false], ['miles', 'mi', false],
      ['nautical miles', 'nmi', false], ['nmi', 'nmi', false], ['ft', 'ft', false], ['feet', 'ft', false],
      ['km²', 'km2', false], ['km2', 'km2', false], ['sq km', 'km2', false], ['sq. km', 'km2', false],
      ['square kilometres', 'km2', false], ['sq mi', 'mi2', false], ['square miles', 'mi2', false], ['ha', 'ha', false],
      ['hectares', 'ha', false], ['acres', 'acre', false], ['dunams', 'dunam', false], ['dunums', 'dunam', false],
      ['m²', 'm2', false], ['sq/km', 'km2', true], ['km/sq', 'km2', true], ['sq.kms', 'km2', true],
      ['kms2', 'km2', true], ['km sq', 'km2', true], ['sq/mi', 'mi2', true],
    ];
    for (const [t, unit, malformed] of expect) {
      const s = read(t);
      assert.ok(s, `no spelling reads ${t}`);
      assert.strictEqual(s.unit, unit, t);
      assert.strictEqual(s.malformed !== undefined, malformed, t);
    }
    for (const t of ['M', 'MI', 'HA', 'mm', 'in', 'inch.', 'kilo']) assert.strictEqual(read(t), undefined, t);
  });
});
