import { describe, expect, it } from 'vitest';
import { genderOf, isFormOf, isPatronymic, isRussianPatronymic, surnameStem } from './name-forms.ts';

describe('surname stems and case forms', () => {
  it.each([
    ['Иванову', 'Иванов'],
    ['Ивановой', 'Иванов'],
    ['Ковальской', 'Ковальск'],
    ['Ахметовтың', 'Ахметов'],
    ['Сейткалиевой', 'Сейткалиев'],
    ['Сейткали', 'Сейткали'],
    ['Абдрахманқызы', 'Абдрахманқызы'],
  ])('%s → %s', (word, stem) => expect(surnameStem(word)).toBe(stem));

  it('recognises Russian and Kazakh endings, and not other words sharing a prefix', () => {
    expect(['Иванов', 'Иванова', 'Ивановым', 'Ивановқа', 'Ивановтан', 'Иванова-ның'].every((w) => isFormOf(w, 'Иванов'))).toBe(true);
    expect(['Сейткалиге', 'Сейткалидің'].every((w) => isFormOf(w, 'Сейткали'))).toBe(true);
    expect(isFormOf('Ивановка', 'Иванов')).toBe(false);
    expect(isFormOf('Иванишин', 'Иванов')).toBe(false);
  });

  it('tells patronymics, Russian (with Kazakh suffixes too) and Kazakh', () => {
    expect(['Иванович', 'Ивановичу', 'Петровной', 'Сергеевичтің'].every(isRussianPatronymic)).toBe(true);
    expect(['Серікұлы', 'Асқарқызының'].every((w) => isPatronymic(w) && !isRussianPatronymic(w))).toBe(true);
    expect(isPatronymic('Иванов')).toBe(false);
  });

  it('reads grammatical gender where a form shows it', () => {
    expect(genderOf('Петровна')).toBe('f');
    expect(genderOf('Ивановой')).toBe('f');
    expect(genderOf('Серікұлы')).toBe('m');
    expect(genderOf('Иванову')).toBe('m');
    expect(genderOf('Иванова')).toBeUndefined(); // feminine nominative or masculine genitive
  });
});
