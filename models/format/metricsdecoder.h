#pragma once
// Decodes the gateway's JSON API (`/api/v1/metrics`, `/api/v1/status`) with
// simdjson into plain value types. Safe to call from any thread.

#include "core/metrics.h"

#include <QByteArray>

namespace PushDeck {

// The whole `/api/v1/metrics` answer. Malformed, truncated or unexpected JSON
// gives an Error of kind Decode saying where (byte offset, group index and
// key when known), never a half-filled list. A well-formed JSON document that
// is not the gateway's shape gives NotAGateway.
Result<QList<Group>> decodeGroups(const QByteArray &json);
Result<GatewayStatus> decodeStatus(const QByteArray &json);

} // namespace PushDeck
