import { serviceMain } from '@konsey/service-kit';
import { motionsService } from './motions-service.js';

await serviceMain(motionsService());
