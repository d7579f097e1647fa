#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <catch2/catch.hpp>

namespace TestSupport {

TempDir::TempDir() { REQUIRE(m_dir.isValid()); }

QByteArray fileSha256(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

QString builtBinary(const QString& name) { return QStringLiteral(UNISONO_BINARY_DIR "/") + name; }

} // namespace TestSupport
