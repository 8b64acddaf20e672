/** The docs carry a fixed version so regenerating them does not churn on every release. */
export const VERSION_FOR_DOCS = '1';
