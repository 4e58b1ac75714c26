import { poolUserAccountId } from '../adapters/user-pool';
import type { MigrationContext } from './migration';

/** The migrations' ports on the real services: the user pool named by the environment (USER_POOL_ID). */
export const defaultMigrationContext: MigrationContext = {
  poolAccountIdOf: poolUserAccountId,
};
