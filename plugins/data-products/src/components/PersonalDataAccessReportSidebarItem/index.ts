export { PersonalDataAccessReportSidebarItem } from './PersonalDataAccessReportSidebarItem';
