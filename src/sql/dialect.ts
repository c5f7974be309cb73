/** The SQL dialects the parser accepts: Trino's, and Trino's plus what PostgreSQL clients send. */
export type Dialect = 'trino' | 'postgres';

export interface ParseOptions {
  dialect?: Dialect;
}
