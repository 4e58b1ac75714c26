/** The catalog's pages by plain path (the record paths of the other features do not list products). */
export const productPath = (id: string): string => `/products/${encodeURIComponent(id)}`;
