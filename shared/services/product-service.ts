import { productKind, productStatuses, type CreateProductInput, type Product, type UpdateProductInput } from '../domain/products/product';
import { recordService } from './record-service';

export const products = recordService<Product, CreateProductInput, UpdateProductInput>(productKind, {
  statuses: productStatuses,
  defaults: { status: 'active' },
});
