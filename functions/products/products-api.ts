import { createProductSchema, updateProductSchema } from '../../shared/domain/products/product';
import { products } from '../../shared/services/product-service';
import { apiRouter } from '../http/api-router';
import { recordRouter, recordRoutes } from '../records/record-routes';

/** The product and service catalog (REC-6). */
export const handler = apiRouter(recordRouter('products', recordRoutes(products, { create: createProductSchema, update: updateProductSchema })));
