import type { productKinds, productStatuses } from '@shared/domain/products/product';
import { useI18n } from '../../i18n/use-i18n';

/** Words of the catalog pages (products and services). Russian defines the shape; English is checked against it. */
type Kind = (typeof productKinds)[number];
type Status = (typeof productStatuses)[number];

const ru = {
  title: 'Каталог',
  caption: 'Товары и услуги',
  newProduct: 'Новая позиция',
  emptyHint: 'Добавьте товары и услуги — из них собираются позиции сделок.',
  backToList: 'Весь каталог',
  loading: 'Загружаем позицию каталога…',
  notFound: 'Такой позиции в каталоге нет.',
  edit: 'Изменить',
  fields: {
    name: 'Название',
    sku: 'Артикул',
    kind: 'Вид',
    category: 'Категория',
    unit: 'Единица',
    price: 'Цена',
    currency: 'Валюта',
    vatRate: 'НДС',
    description: 'Описание',
    available: 'Доступно',
    status: 'Статус',
    created: 'Создана',
  } satisfies Record<string, string>,
  kinds: { product: 'Товар', service: 'Услуга' } satisfies Record<Kind, string>,
  statuses: { active: 'В продаже', archived: 'В архиве' } satisfies Record<Status, string>,
  availability: {
    unlimited: 'Без ограничений',
    archived: 'Снят с продажи',
    none: 'Нет в наличии',
    noCapacity: 'Нет мощностей',
    inStock: (n: string) => `${n} шт. в наличии`,
    capacity: (n: string) => `Можно продать ещё: ${n}`,
  },
  vat: { none: 'Без НДС (УСН)', rate: (rate: number) => `${rate}%` },
  sections: { main: 'Позиция', price: 'Цена и налог', stock: 'Наличие', record: 'Запись' },
  form: {
    createTitle: 'Новая позиция каталога',
    editTitle: 'Изменение позиции каталога',
    groups: { main: 'Позиция', price: 'Цена и налог', stock: 'Наличие и статус' },
    unitHint: 'Например: шт., час, лицензия, м².',
    skuHint: 'Буквы, цифры и . _ / -, до 40 символов.',
    availableHint: 'Для товара — остаток на складе, для услуги — сколько ещё можно продать. Пусто — без ограничений.',
    invalidSku: 'Артикул: буквы, цифры и . _ / -, до 40 символов.',
    invalidPrice: 'Введите цену, например 1500 или 1500,50.',
    invalidAvailable: 'Введите целое число не меньше нуля.',
    cannotClear: 'Это поле нельзя очистить.',
  },
};

export type ProductsMessages = typeof ru;

const en: ProductsMessages = {
  title: 'Catalog',
  caption: 'Products and services',
  newProduct: 'New item',
  emptyHint: 'Add products and services: deals’ order lines are made of them.',
  backToList: 'Whole catalog',
  loading: 'Loading the catalog item…',
  notFound: 'No such item in the catalog.',
  edit: 'Edit',
  fields: {
    name: 'Name',
    sku: 'SKU',
    kind: 'Kind',
    category: 'Category',
    unit: 'Unit',
    price: 'Price',
    currency: 'Currency',
    vatRate: 'VAT',
    description: 'Description',
    available: 'Available',
    status: 'Status',
    created: 'Created',
  },
  kinds: { product: 'Product', service: 'Service' },
  statuses: { active: 'On sale', archived: 'Archived' },
  availability: {
    unlimited: 'Unlimited',
    archived: 'Withdrawn',
    none: 'Out of stock',
    noCapacity: 'No capacity',
    inStock: (n) => `${n} in stock`,
    capacity: (n) => `${n} more can be sold`,
  },
  vat: { none: 'No VAT', rate: (rate) => `${rate}%` },
  sections: { main: 'Item', price: 'Price and tax', stock: 'Availability', record: 'Record' },
  form: {
    createTitle: 'New catalog item',
    editTitle: 'Edit catalog item',
    groups: { main: 'Item', price: 'Price and tax', stock: 'Availability and status' },
    unitHint: 'For example: pcs, hour, licence, m².',
    skuHint: 'Letters, digits and . _ / -, up to 40 characters.',
    availableHint: 'A product: units in stock; a service: how many more can be sold. Empty: unlimited.',
    invalidSku: 'A SKU is letters, digits and . _ / -, up to 40 characters.',
    invalidPrice: 'Enter a price such as 1500 or 1500.50.',
    invalidAvailable: 'Enter a whole number, zero or more.',
    cannotClear: 'This field cannot be emptied.',
  },
};

export const productsMessages = { ru, en } satisfies Record<'ru' | 'en', ProductsMessages>;

export function useProductsMessages(): ProductsMessages {
  const { locale } = useI18n();
  return productsMessages[locale];
}
