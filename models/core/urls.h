#pragma once
// How a gateway's base URL is written for people and files: without
// credentials (snapshots, the audit log, messages) and as the short name
// tabs, previews, rules and the CLI use.

#include <QString>
#include <QUrl>

namespace PushDeck {

// A URL as it may be written to disk or logs: without user name/password.
QString redactedUrl(const QUrl &url);

// "host:port/prefix" of a gateway base URL: how tabs, previews and the CLI
// name a gateway, and what a rule's gateway field is usually set to.
QString gatewayName(const QUrl &url);

} // namespace PushDeck
