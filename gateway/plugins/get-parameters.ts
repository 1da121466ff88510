import type { GatewayPlugin } from '@graphql-hive/gateway';
import { GraphQLError } from 'graphql';

// GraphQL-over-HTTP §GET: `variables` and `extensions` are JSON-encoded objects. Yoga's GET parser
// calls JSON.parse on them unguarded, so a malformed one became a 500 with a stack trace (found by
// GatewayFuzzTests). This answers 400 with the message and code the subgraphs give for the same request.
export function useGetParameterCheck(): GatewayPlugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== 'GET') return;
      const params = new URL(request.url).searchParams;
      const malformed = ['variables', 'extensions'].some((name) => {
        const value = params.get(name);
        return value !== null && value !== '' && !isJsonObject(value);
      });
      if (malformed) {
        setRequestParser(() => {
          throw new GraphQLError("The 'variables' and 'extensions' parameters must be JSON objects.", {
            extensions: { code: 'INVALID_REQUEST', http: { status: 400 } },
          });
        });
      }
    },
  };
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value === null || (typeof value === 'object' && !Array.isArray(value));
  } catch {
    return false;
  }
}
