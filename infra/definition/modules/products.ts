import { productRoutes } from '../../../shared/api/routes/products';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const products = api('products', 'functions/products/products-api.ts', 'Product and service catalog', readWrite);

export const productsModule: ModuleDef = { functions: [products], routes: serve(products, productRoutes) };
