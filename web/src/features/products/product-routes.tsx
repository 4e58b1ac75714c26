import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../app/lazy-page';
import { productStatuses } from '@shared/domain/products/product';
import { recordsSearchValidator, type RecordsSearch } from '../../records/list/records-search';

const NewProductPage = lazyPage(() => import('./ProductFormPage'), 'NewProductPage');
const EditProductPage = lazyPage(() => import('./ProductFormPage'), 'EditProductPage');
const ProductPage = lazyPage(() => import('./ProductPage'), 'ProductPage');
const ProductsPage = lazyPage(() => import('./ProductsPage'), 'ProductsPage');

/**
 * The catalog's routes under a parent (the signed-in app route): `/products` (the list, its
 * filters in the URL), `/products/new`, `/products/$productId` and `/products/$productId/edit`.
 * Add them with `appRoute.addChildren([...productRoutes(appRoute)])`.
 */
export const validateProductsSearch = recordsSearchValidator(productStatuses);

export function productRoutes<TParent extends AnyRoute>(parent: TParent) {
  const productsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/products',
    validateSearch: validateProductsSearch,
    component: function ProductsRoute() {
      // Typed only once the route is in the registered tree; read it without depending on that.
      const search = productsRoute.useSearch() as unknown as RecordsSearch;
      return <ProductsPage search={search} />;
    },
  });
  const newProductRoute = createRoute({
    getParentRoute: () => parent,
    path: '/products/new',
    component: function NewProductRoute() {
      return <NewProductPage />;
    },
  });
  const productRoute = createRoute({
    getParentRoute: () => parent,
    path: '/products/$productId',
    component: function ProductRoute() {
      const { productId } = productRoute.useParams() as unknown as { productId: string };
      return <ProductPage key={productId} productId={productId} />;
    },
  });
  const editProductRoute = createRoute({
    getParentRoute: () => parent,
    path: '/products/$productId/edit',
    component: function EditProductRoute() {
      const { productId } = editProductRoute.useParams() as unknown as { productId: string };
      return <EditProductPage key={productId} productId={productId} />;
    },
  });
  return [productsRoute, newProductRoute, productRoute, editProductRoute] as const;
}
