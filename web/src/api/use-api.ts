import { createContext, useContext } from 'react';
import type { CrmApi } from './crm-api';

export const ApiContext = createContext<CrmApi | null>(null);

export function useApi(): CrmApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs <ApiContext.Provider>');
  return api;
}
