import { serviceMain } from '@konsey/service-kit';
import { membershipService } from './membership-service.js';

await serviceMain(membershipService());
