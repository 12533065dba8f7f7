/**
 * The OTLP trace messages, declared here because no installed package ships a decoder
 * (the OpenTelemetry JS exporters encode with their own writer). Field numbers follow
 * opentelemetry-proto v1: collector/trace/v1/trace_service.proto, trace/v1/trace.proto,
 * common/v1/common.proto and resource/v1/resource.proto. Everything sits in one package
 * so protobufjs resolves the names without imports; package names never reach the wire.
 *
 * `instrumentation_library_spans` (1000) was removed from the spec but old SDKs still
 * send it; keeping it lets those requests decode instead of silently losing spans.
 * Span.kind and Status.code are declared int32 rather than enums: the same varint on the
 * wire, and an out-of-range value reaches our validator instead of protobufjs.
 *
 * Written as edition 2023 with the features that make it proto3 on the wire, except one:
 * proto3 makes protobufjs throw on invalid UTF-8, and protobufjs's own writer encodes a lone
 * surrogate (an emoji cut in half by `attributeValueLengthLimit`) as such bytes (CESU-8). Without
 * the check they decode to U+FFFD and the request is kept instead of refused whole.
 */
export const OTLP_TRACE_PROTO = `
edition = "2023";
option features.field_presence = IMPLICIT;
option features.utf8_validation = NONE;
package spanlens.otlp;

message ExportTraceServiceRequest {
  repeated ResourceSpans resource_spans = 1;
}

message ExportTraceServiceResponse {
  ExportTracePartialSuccess partial_success = 1;
}

message ExportTracePartialSuccess {
  int64 rejected_spans = 1;
  string error_message = 2;
}

message ResourceSpans {
  Resource resource = 1;
  repeated ScopeSpans scope_spans = 2;
  string schema_url = 3;
  repeated InstrumentationLibrarySpans instrumentation_library_spans = 1000;
}

message ScopeSpans {
  InstrumentationScope scope = 1;
  repeated Span spans = 2;
  string schema_url = 3;
}

message InstrumentationLibrarySpans {
  InstrumentationLibrary instrumentation_library = 1;
  repeated Span spans = 2;
  string schema_url = 3;
}

message Span {
  bytes trace_id = 1;
  bytes span_id = 2;
  string trace_state = 3;
  bytes parent_span_id = 4;
  string name = 5;
  int32 kind = 6;
  fixed64 start_time_unix_nano = 7;
  fixed64 end_time_unix_nano = 8;
  repeated KeyValue attributes = 9;
  uint32 dropped_attributes_count = 10;
  repeated Event events = 11;
  uint32 dropped_events_count = 12;
  repeated Link links = 13;
  uint32 dropped_links_count = 14;
  Status status = 15;
  fixed32 flags = 16;

  message Event {
    fixed64 time_unix_nano = 1;
    string name = 2;
    repeated KeyValue attributes = 3;
    uint32 dropped_attributes_count = 4;
  }

  message Link {
    bytes trace_id = 1;
    bytes span_id = 2;
    string trace_state = 3;
    repeated KeyValue attributes = 4;
    uint32 dropped_attributes_count = 5;
    fixed32 flags = 6;
  }
}

message Status {
  reserved 1;
  string message = 2;
  int32 code = 3;
}

message Resource {
  repeated KeyValue attributes = 1;
  uint32 dropped_attributes_count = 2;
}

message InstrumentationScope {
  string name = 1;
  string version = 2;
  repeated KeyValue attributes = 3;
  uint32 dropped_attributes_count = 4;
}

message InstrumentationLibrary {
  string name = 1;
  string version = 2;
}

message AnyValue {
  oneof value {
    string string_value = 1;
    bool bool_value = 2;
    int64 int_value = 3;
    double double_value = 4;
    ArrayValue array_value = 5;
    KeyValueList kvlist_value = 6;
    bytes bytes_value = 7;
  }
}

message ArrayValue {
  repeated AnyValue values = 1;
}

message KeyValueList {
  repeated KeyValue values = 1;
}

message KeyValue {
  string key = 1;
  AnyValue value = 2;
}

// google/rpc/status.proto: the body OTLP/HTTP specifies for error responses.
message RpcStatus {
  int32 code = 1;
  string message = 2;
  repeated ProtoAny details = 3;
}

// google/protobuf/any.proto
message ProtoAny {
  string type_url = 1;
  bytes value = 2;
}
`;
