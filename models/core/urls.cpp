#include "core/urls.h"

using namespace Qt::StringLiterals;

namespace PushDeck {

QString redactedUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

QString gatewayName(const QUrl &url)
{
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    return url.host() + (url.port() > 0 ? u":"_s + QString::number(url.port()) : QString()) + path;
}

} // namespace PushDeck
