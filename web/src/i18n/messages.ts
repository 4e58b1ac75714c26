import type { ru } from './ru';

/**
 * The shape every dictionary has: Russian defines it, English (and any later language) is
 * declared as `Messages`, so a missing, extra or misspelt key is a type error.
 */
export type Messages = typeof ru;
