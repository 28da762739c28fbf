export { startOwnSuite, type OwnSuite, type OwnSuiteOptions } from './own-suite.js';
export { parseSuiteUrl, SERVICES, type SuiteEndpoints, type SuiteService } from './suite-endpoints.js';
export { SmtpSink, signInCodeOf, textOfMessage, type ReceivedMail } from './smtp-sink.js';
export { REHEARSAL_OPERATOR, type Operator } from './create-operator.js';
export { SmsSink, type ReceivedSms } from './sms-sink.js';
