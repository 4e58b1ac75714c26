import { describe, expect, it } from 'vitest';
import { splitFullName } from '../../../shared/domain/forms/person-name';

describe('splitFullName', () => {
  it.each([
    ['Иванов Иван Иванович', { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович' }],
    ['Смирнова Анна Сергеевна', { lastName: 'Смирнова', firstName: 'Анна', middleName: 'Сергеевна' }],
    ['Анна Сергеевна Смирнова', { firstName: 'Анна', middleName: 'Сергеевна', lastName: 'Смирнова' }],
    ['Мамедов Эльдар Гасан оглы', { firstName: 'Мамедов', lastName: 'Эльдар Гасан оглы' }],
    ['Иван Петрович', { firstName: 'Иван', middleName: 'Петрович' }],
    ['Пётр Ёлкин', { firstName: 'Пётр', lastName: 'Ёлкин' }],
    ['John Smith', { firstName: 'John', lastName: 'Smith' }],
    ['  Мадонна  ', { firstName: 'Мадонна' }],
    ['', {}],
  ])('%s', (input, expected) => expect(splitFullName(input)).toEqual(expected));
});
