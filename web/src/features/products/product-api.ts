import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateProductInput, Product, UpdateProductInput } from '@shared/domain/products/product';
import { recordKeys, recordUrl, useRecordsHttp } from '../../records/records-http';

/** A catalog item, its writes and its history; each write refreshes the lists and the history. */
export function useProduct(productId: string) {
  const http = useRecordsHttp();
  return useQuery({ queryKey: recordKeys.detail('products', productId), queryFn: () => http.get<Product>(recordUrl('products', productId)) });
}

function useProductSaved() {
  const queryClient = useQueryClient();
  return (product: Product) => {
    queryClient.setQueryData(recordKeys.detail('products', product.id), product);
    void queryClient.invalidateQueries({ queryKey: recordKeys.lists('products') });
    void queryClient.invalidateQueries({ queryKey: recordKeys.timeline('products', product.id) });
    // Quick search and order-line pickers show names and prices.
    void queryClient.invalidateQueries({ queryKey: ['search'] });
  };
}

export function useCreateProduct() {
  const http = useRecordsHttp();
  const saved = useProductSaved();
  return useMutation({ mutationFn: (input: CreateProductInput) => http.post<Product>('/api/products', input), onSuccess: saved });
}

export function useUpdateProduct(productId: string) {
  const http = useRecordsHttp();
  const saved = useProductSaved();
  return useMutation({ mutationFn: (patch: UpdateProductInput) => http.patch<Product>(recordUrl('products', productId), patch), onSuccess: saved });
}
