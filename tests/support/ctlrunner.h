#pragma once
// Runs the built pushdeckctl binary as a user would, for CLI tests.

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace PushDeck {

struct CtlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const; // for QVERIFY2 messages
};

QString ctlBinary();
CtlRun runCtl(const QStringList &arguments, const QByteArray &input = {},
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(), int timeoutMs = 120000);

} // namespace PushDeck
