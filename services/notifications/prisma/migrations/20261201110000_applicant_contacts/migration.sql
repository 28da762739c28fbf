-- Applicants are reached by their application's id until it is decided.
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_subject_kind_check";
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_subject_kind_check" CHECK ("subject_kind" IN ('member', 'account', 'applicant'));
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_recipient_kind_check";
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_kind_check" CHECK ("recipient_kind" IN ('member', 'account', 'applicant', 'integration'));
