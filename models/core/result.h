#pragma once
// Errors are values: every decoder, parser and gateway call returns a Result
// that carries either its value or an Error saying what went wrong and where.

#include <QString>
#include <QtGlobal>
#include <optional>
#include <utility>

namespace PushDeck {

struct Error
{
    enum Kind {
        None,
        Network,        // connection refused, host not found, reset
        Timeout,        // no complete answer within the request timeout
        Tls,            // certificate or handshake problem
        Http,           // the server answered with a non-success status
        NotAGateway,    // the URL answers, but not like a Pushgateway
        Decode,         // malformed, truncated or unexpected JSON
        Parse,          // invalid exposition text or selector
        Invalid,        // a bad argument from the caller (key, URL, ...)
        TooLarge,       // the answer exceeded the configured size limit
        Process,        // a local process (gateway binary) failed
        Cancelled,
        NotFound,       // a looked-up thing does not exist (e.g. no secret stored for a profile)
        Keyring,        // no system keyring available, or it refused access
    };

    Kind kind = None;
    QString message;     // one line, for people: what, where, which group
    int httpStatus = 0;  // for Http: the status code
    int line = 0;        // for Parse/Decode: 1-based position when known
    int column = 0;

    static Error make(Kind kind, QString message) { return Error{kind, std::move(message)}; }
};

// [[nodiscard]]: a Result that nobody looks at is an error that nobody
// hears of. Where ignoring one is right, say why and cast it to void.
template<typename T>
class [[nodiscard]] Result
{
public:
    // A result that never arrived (cancelled future, destroyed client).
    Result() : m_error(Error::make(Error::Cancelled, QStringLiteral("the request was cancelled"))) {}
    Result(T value) : m_value(std::move(value)) {} // NOLINT: implicit by design
    Result(Error error) : m_error(std::move(error)) {} // NOLINT

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    // Only on success (asserted): check ok() first.
    const T &value() const &
    {
        checkValue();
        return *m_value;
    }
    T &value() &
    {
        checkValue();
        return *m_value;
    }
    T &&value() &&
    {
        checkValue();
        return std::move(*m_value);
    }
    const T *operator->() const
    {
        checkValue();
        return &*m_value;
    }
    const T &operator*() const
    {
        checkValue();
        return *m_value;
    }

    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.message; }

private:
    void checkValue() const
    {
        Q_ASSERT_X(ok(), "Result::value()", "the Result holds an error, not a value: check ok() first");
    }

    std::optional<T> m_value;
    Error m_error;
};

// For calls that produce nothing but success or an error.
struct Done {};

} // namespace PushDeck
