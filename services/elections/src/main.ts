import { serviceMain } from '@konsey/service-kit';
import { electionsService } from './elections-service.js';

await serviceMain(electionsService());
