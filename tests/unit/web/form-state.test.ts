import { describe, expect, it } from 'vitest';
import { shownErrors } from '../../../web/src/records/form/use-form-state';

/** Which error a record form shows on a field both the form itself and the schema found fault with. */
describe('shownErrors', () => {
  const placed = { 'custom.seats': 'Обязательное поле.', email: 'Введите адрес эл. почты.' };
  const found = { 'custom.seats': 'Введите число.', budgetAmount: 'Введите число не меньше нуля.' };

  it("is the schema's by default (accounts, contacts, deals)", () => {
    expect(shownErrors(placed, found)).toEqual({ 'custom.seats': 'Обязательное поле.', email: 'Введите адрес эл. почты.', budgetAmount: 'Введите число не меньше нуля.' });
  });

  it("is the form's own finding when it prefers it (the lead form: a number that is not one says more than 'required')", () => {
    expect(shownErrors(placed, found, 'found')).toEqual({ 'custom.seats': 'Введите число.', email: 'Введите адрес эл. почты.', budgetAmount: 'Введите число не меньше нуля.' });
  });
});
