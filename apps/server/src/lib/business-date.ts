export { businessDate } from '@kehu/domain/business-date';
