// The validation lives in core/contract so the central server checks a catalog exactly as a terminal does.
export * from '../contract/catalog-validate.js';
