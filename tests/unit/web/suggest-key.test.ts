import { describe, expect, it } from 'vitest';
import { customFieldKey } from '../../../shared/domain/custom-fields/custom-field';
import { suggestFieldKey, suggestOptionValue, suggestStageId, transliterate } from '../../../web/src/features/settings/suggest-key';

/** Keys, stage ids and option values suggested from Russian labels must be what the API accepts. */
describe('keys suggested from labels', () => {
  it('transliterates Russian', () => {
    expect(transliterate('Щука и ёж')).toMatch(/^[a-z ]+$/i);
  });

  it('makes a camelCase field key the schema accepts, numbered when taken', () => {
    const key = suggestFieldKey('Сегмент клиента');
    expect(key).toBe('segmentKlienta');
    expect(suggestFieldKey('Сегмент клиента', [key])).not.toBe(key);
    for (const label of ['Сегмент клиента', '№ договора', '123', 'Очень длинное название поля, которое не помещается в сорок символов никак']) {
      expect(customFieldKey.safeParse(suggestFieldKey(label)).success, `${label} → ${suggestFieldKey(label)}`).toBe(true);
    }
    expect(suggestFieldKey('!!!')).toBe('');
  });

  it('makes stage ids and option values in their own formats', () => {
    expect(suggestStageId('Переговоры')).toBe('peregovory');
    expect(suggestStageId('Переговоры', ['peregovory'])).not.toBe('peregovory');
    expect(suggestStageId('Переговоры')).toMatch(/^[a-z][a-z0-9-]{1,39}$/);
    expect(suggestOptionValue('Крупный бизнес')).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
  });
});
