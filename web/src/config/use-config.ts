import { createContext, useContext } from 'react';
import type { AppConfig } from './app-config';

export const ConfigContext = createContext<AppConfig | null>(null);

export function useAppConfig(): AppConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useAppConfig needs <ConfigContext.Provider>');
  return config;
}
