export { AccessInboxContent } from './AccessInboxContent';
export { AccessInboxPage, AccessInboxPageContent } from './AccessInboxPage';
