import protobuf from "protobufjs";

/**
 * The subset of opentelemetry-proto (v1, logs/common/resource/collector) and
 * google.rpc.Status that OTLP/HTTP log ingest needs, written inline so no
 * .proto files or code generation are involved. Field numbers follow
 * opentelemetry/proto/{logs,common,resource}/v1/*.proto and
 * collector/logs/v1/logs_service.proto. Names are the proto3 JSON
 * (lowerCamelCase) names, so decoded messages have the same shape as OTLP/JSON.
 *
 * Types chosen for the wire, not for convenience: time fields are fixed64,
 * flags fixed32, severity_number an enum (varint; declared int32 so unknown
 * values survive decoding), ids and bytesValue bytes.
 */
const descriptor = {
  nested: {
    otlp: {
      nested: {
        AnyValue: {
          oneofs: { value: { oneof: ["stringValue", "boolValue", "intValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue"] } },
          fields: {
            stringValue: { type: "string", id: 1 },
            boolValue: { type: "bool", id: 2 },
            intValue: { type: "int64", id: 3 },
            doubleValue: { type: "double", id: 4 },
            arrayValue: { type: "ArrayValue", id: 5 },
            kvlistValue: { type: "KeyValueList", id: 6 },
            bytesValue: { type: "bytes", id: 7 },
          },
        },
        ArrayValue: { fields: { values: { rule: "repeated", type: "AnyValue", id: 1 } } },
        KeyValueList: { fields: { values: { rule: "repeated", type: "KeyValue", id: 1 } } },
        KeyValue: { fields: { key: { type: "string", id: 1 }, value: { type: "AnyValue", id: 2 } } },
        InstrumentationScope: {
          fields: {
            name: { type: "string", id: 1 },
            version: { type: "string", id: 2 },
            attributes: { rule: "repeated", type: "KeyValue", id: 3 },
            droppedAttributesCount: { type: "uint32", id: 4 },
          },
        },
        Resource: {
          fields: {
            attributes: { rule: "repeated", type: "KeyValue", id: 1 },
            droppedAttributesCount: { type: "uint32", id: 2 },
          },
        },
        LogRecord: {
          fields: {
            timeUnixNano: { type: "fixed64", id: 1 },
            severityNumber: { type: "int32", id: 2 },
            severityText: { type: "string", id: 3 },
            // field 4 is reserved (was `name`)
            body: { type: "AnyValue", id: 5 },
            attributes: { rule: "repeated", type: "KeyValue", id: 6 },
            droppedAttributesCount: { type: "uint32", id: 7 },
            flags: { type: "fixed32", id: 8 },
            traceId: { type: "bytes", id: 9 },
            spanId: { type: "bytes", id: 10 },
            observedTimeUnixNano: { type: "fixed64", id: 11 },
            eventName: { type: "string", id: 12 },
          },
        },
        ScopeLogs: {
          fields: {
            scope: { type: "InstrumentationScope", id: 1 },
            logRecords: { rule: "repeated", type: "LogRecord", id: 2 },
            schemaUrl: { type: "string", id: 3 },
          },
        },
        ResourceLogs: {
          fields: {
            resource: { type: "Resource", id: 1 },
            scopeLogs: { rule: "repeated", type: "ScopeLogs", id: 2 },
            schemaUrl: { type: "string", id: 3 },
          },
        },
        // Same wire shape as LogsData.
        ExportLogsServiceRequest: { fields: { resourceLogs: { rule: "repeated", type: "ResourceLogs", id: 1 } } },
        ExportLogsPartialSuccess: {
          fields: { rejectedLogRecords: { type: "int64", id: 1 }, errorMessage: { type: "string", id: 2 } },
        },
        ExportLogsServiceResponse: { fields: { partialSuccess: { type: "ExportLogsPartialSuccess", id: 1 } } },
        // google.rpc.Status; `details` (repeated Any = 3) is never sent.
        Status: { fields: { code: { type: "int32", id: 1 }, message: { type: "string", id: 2 } } },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(descriptor);

export const ExportLogsServiceRequest = root.lookupType("otlp.ExportLogsServiceRequest");
export const ExportLogsServiceResponse = root.lookupType("otlp.ExportLogsServiceResponse");
export const RpcStatus = root.lookupType("otlp.Status");
/** Exposed for tests that build protobuf fixtures with the same definitions. */
export const LogRecord = root.lookupType("otlp.LogRecord");

/**
 * Protobuf bytes → a plain object shaped like OTLP/JSON: 64-bit integers as
 * decimal strings, bytes as base64 (traceId/spanId are converted to hex by
 * the normalizer, as OTLP/JSON carries them hex-encoded). Throws on bytes
 * that are not a valid message.
 */
export function decodeExportRequest(body: Uint8Array): Record<string, unknown> {
  const msg = ExportLogsServiceRequest.decode(body);
  return ExportLogsServiceRequest.toObject(msg, { longs: String, bytes: String, defaults: false, arrays: false }) as Record<string, unknown>;
}
