export {
  sourceCatalogue,
  sourceEntry,
  sourceLabel,
  sourceTitle,
  type NotStated,
  type SourceBasis,
  type SourceCatalogueEntry,
} from './sources.js';
