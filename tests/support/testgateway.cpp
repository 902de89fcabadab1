#include "testgateway.h"

#include "core/awaitfuture.h"

#include <QDeadlineTimer>

namespace PushDeck {

TestGateway::TestGateway(LocalGatewayOptions options)
    : m_gateway(std::move(options))
{
}

TestGateway::~TestGateway()
{
    m_client.reset();
    m_gateway.stop();
}

bool TestGateway::start()
{
    if (!m_gateway.startAndWait(20000)) {
        qWarning("TestGateway: %s", qPrintable(m_gateway.errorString()));
        return false;
    }
    m_client = std::make_unique<GatewayClient>(m_gateway.url());
    ClientOptions options;
    options.timeoutMs = 15000;
    m_client->setOptions(options);
    return true;
}

int TestGateway::push(const GroupingKey &key, const QByteArray &text, bool replace, QByteArray *body)
{
    const auto result = awaitFuture(m_client->push(key, text, replace));
    if (result.ok())
        return result->httpStatus;
    if (body)
        *body = result.errorString().toUtf8();
    return result.error().httpStatus;
}

int TestGateway::push(const QString &keyText, const QByteArray &text, bool replace, QByteArray *body)
{
    const auto key = GroupingKey::parse(keyText);
    if (!key) {
        qWarning("TestGateway::push: bad key %s: %s", qPrintable(keyText), qPrintable(key.errorString()));
        return 0;
    }
    return push(key.value(), text, replace, body);
}

int TestGateway::deleteGroup(const GroupingKey &key)
{
    const auto result = awaitFuture(m_client->deleteGroup(key));
    return result.ok() ? 202 : result.error().httpStatus;
}

std::optional<QList<Group>> TestGateway::groups()
{
    auto result = awaitFuture(m_client->groups());
    if (!result) {
        qWarning("TestGateway::groups: %s", qPrintable(result.errorString()));
        return std::nullopt;
    }
    return std::move(result).value();
}

std::optional<Group> TestGateway::group(const GroupingKey &key)
{
    const auto all = groups();
    if (!all)
        return std::nullopt;
    for (const Group &g : *all) {
        if (g.key == key)
            return g;
    }
    return std::nullopt;
}

bool TestGateway::waitForGroups(const std::function<bool(const QList<Group> &)> &pred, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    do {
        const auto all = groups();
        if (all && pred(*all))
            return true;
        QTest::qWait(25);
    } while (!deadline.hasExpired());
    return false;
}

} // namespace PushDeck
