import { serviceMain } from '@konsey/service-kit';
import { notificationsService } from './notifications-service.js';

await serviceMain(notificationsService());
