import { coreRecordRoutes } from './record-routes';
import { signedInRoutes } from './route';

/** The product and service catalog (REC-6). */
export const productRoutes = signedInRoutes('products', coreRecordRoutes('products'));
