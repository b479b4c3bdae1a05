import { checkCharacter, composeCitizenId, maskCitizenId, parseCitizenId, isValidCitizenId } from './citizen-id';

/** An ID with a correct check character, so the other rules are what fails. */
const withCheck = (first17: string) => first17 + checkCharacter(first17);

describe('citizen ID (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', 'X'],
    ['440524188001010014', '4'],
    ['11010119900307803X', 'X'],
    ['110101199003074477', '7'],
  ])('computes the published check character of %s', (id, check) => {
    expect(checkCharacter(id.slice(0, 17))).toBe(check);
    expect(isValidCitizenId(id)).toBe(true);
  });

  it('parses region, birth date and gender (even sequence is a woman)', () => {
    expect(parseCitizenId('11010519491231002x')).toEqual({
      value: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      birthYear: 1949,
      sequence: 2,
      gender: 'FEMALE',
    });
    expect(parseCitizenId('440524188001010014').gender).toBe('MALE');
  });

  it.each([
    ['110105194912310021', 'check character'],
    [withCheck('11010519491331002'), 'calendar'],
    [withCheck('11010518491231002'), 'out of range'],
    ['1101051949123100', '17 digits'],
    ['11010519491231002Y', '17 digits'],
  ])('rejects %s (%s)', (id, reason) => {
    expect(() => parseCitizenId(id)).toThrow(reason);
  });

  it('rejects a birth date in the future', () => {
    const id = composeCitizenId('320321', '2990-01-01', 11);
    expect(() => parseCitizenId(id)).toThrow('out of range');
  });

  it('composes IDs that parse back', () => {
    const id = composeCitizenId('320321', '1990-02-28', 124);
    expect(parseCitizenId(id)).toMatchObject({ regionCode: '320321', birthDate: '1990-02-28', gender: 'FEMALE' });
  });

  it('masks all but the first three and sequence digits', () => {
    expect(maskCitizenId('11010519491231002X')).toBe('110***********002*');
  });
});
