import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

function asGraphQLError(error: GraphQLError, badInput: boolean): GraphQLError {
  const extensions = badInput ? { ...error.extensions, code: 'BAD_USER_INPUT', http: { status: 400 } } : error.extensions;
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions });
  (copy as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return copy;
}

/**
 * Executes operations with graphql-jit instead of graphql-js, plugged into Apollo Server through its
 * gateway interface (the one documented way to supply an executor). Apollo still parses, validates
 * (graphql-armor's limits included), caches documents, formats errors and speaks HTTP; only the execution
 * of queries changes (measured on the dossier page: 0.49 → 0.28 ms CPU per execution). A document is compiled once per operation name and reused: Apollo hands the same cached
 * DocumentNode to every request with the same query text.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  const compile = (document: DocumentNode, operationName: string | null) => {
    let byName = compiled.get(document);
    if (!byName) { byName = new Map(); compiled.set(document, byName); }
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (!entry) {
      // customJSONSerializer off: Apollo serialises the result itself.
      entry = compileQuery(schema, document, operationName ?? undefined, { disableLeafSerialization: false });
      byName.set(key, entry);
    }
    return entry;
  };
  return {
    async load() {
      return {
        executor: async (requestContext) => {
          // Mutations keep graphql-js: it stops a serial mutation at the first failing field (one login guess per
          // request, whatever the aliases), where graphql-jit runs every field. Reads are the hot path anyway.
          if (requestContext.operation.operation !== 'query') {
            return execute({ schema, document: requestContext.document, operationName: requestContext.operationName, contextValue: requestContext.context, variableValues: requestContext.request.variables });
          }
          const entry = compile(requestContext.document, requestContext.operationName);
          if (!isCompiledQuery(entry)) return entry;
          const result = await (entry.query(undefined, requestContext.context, requestContext.request.variables ?? {}) as Promise<ExecutionResult>);
          // graphql-jit's errors have a read-only message, which plugins (graphql-armor's suggestion masking)
          // rewrite: hand Apollo ordinary GraphQLErrors with the same message, path, locations and cause.
          if (!result.errors) return result;
          // Without data the operation never ran: its variables did not coerce (graphql-js's BAD_USER_INPUT, HTTP 400).
          const badInput = result.data === undefined;
          return { ...result, errors: result.errors.map((e) => asGraphQLError(e, badInput)) };
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() {},
  };
}
