#pragma once
// A real prometheus-pushgateway for one test: started on a free loopback port
// with no persistence (unless asked), seeded through the HTTP API, stopped in
// the destructor. Child processes are killed with the test process, also
// when the test crashes or times out.

#include "gateway/gatewayclient.h"
#include "gateway/localgateway.h"

#include <QFuture>
#include <QTest>
#include <memory>

namespace PushDeck {

class TestGateway
{
public:
    explicit TestGateway(LocalGatewayOptions options = {});
    ~TestGateway();

    // QVERIFY-friendly: false with a message (qWarning) when it did not start.
    bool start();
    QUrl url() const { return m_gateway.url(); }
    LocalGateway &gateway() { return m_gateway; }
    GatewayClient &client() { return *m_client; }

    // Push exposition text to a key, synchronously (PUT, or POST when
    // replace is false). Returns the HTTP status (0: no answer) and puts the
    // gateway's body into *body when given.
    int push(const GroupingKey &key, const QByteArray &text, bool replace = true, QByteArray *body = nullptr);
    int push(const QString &keyText, const QByteArray &text, bool replace = true, QByteArray *body = nullptr);
    int deleteGroup(const GroupingKey &key);
    // The current groups via /api/v1/metrics, synchronously (fails the
    // caller's QVERIFY via an empty optional on error).
    std::optional<QList<Group>> groups();
    std::optional<Group> group(const GroupingKey &key);
    // Waits until a re-read satisfies pred (the gateway applies writes
    // asynchronously).
    bool waitForGroups(const std::function<bool(const QList<Group> &)> &pred, int timeoutMs = 5000);

private:
    LocalGateway m_gateway;
    std::unique_ptr<GatewayClient> m_client;
};

} // namespace PushDeck
