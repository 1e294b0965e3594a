import { describe, expect, it } from 'vitest';
import { checkDigit, findIdentificationNumbers, isValidBin, isValidIin } from './iin.ts';

describe('ИИН/БИН check digit', () => {
  it('uses weights 1..11 (worked by hand: 8·1+5·2+0+2·4+1·5+4·6+3·7+0+0+1·10+2·11 = 108 ≡ 9)', () => {
    expect(checkDigit('85021430012')).toBe(9);
    expect(isValidIin('850214300129')).toBe(true);
    expect(isValidIin('850214300128')).toBe(false);
  });

  it('falls back to weights 3,4,5,6,7,8,9,10,11,1,2 when the first pass gives 10 (131 ≡ 10, then 78 ≡ 1)', () => {
    expect(checkDigit('90010130081')).toBe(1);
    expect(isValidIin('900101300811')).toBe(true);
  });

  it('tells ИИН (birth date + century digit) from БИН (YYMM + entity type) and from other numbers', () => {
    const bin = `0408400${'0123'}`; // 04/08, resident legal entity, head office, serial 00123
    const fullBin = bin.slice(0, 11) + checkDigit(bin.slice(0, 11));
    expect(isValidBin(fullBin)).toBe(true);
    expect(isValidIin(fullBin)).toBe(false);
    const badMonth = '99134530012';
    expect(isValidIin(badMonth + checkDigit(badMonth))).toBe(false); // month 13
    const badCentury = '85021490012';
    expect(isValidIin(badCentury + checkDigit(badCentury))).toBe(false); // century digit 9
    const feb30 = '88023040012';
    expect(isValidIin(feb30 + checkDigit(feb30))).toBe(false);
  });

  it('finds only standalone valid numbers', () => {
    expect(findIdentificationNumbers('ИИН 850214300129, счёт 850214300129123, № 850214300129/1').map((c) => c.start)).toEqual([4]);
  });
});
