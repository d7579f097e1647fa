#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

// Helpers shared by the test executables.
namespace TestSupport {

// A temporary folder removed at the end of the test; fails the test if it cannot be made.
class TempDir
{
public:
    TempDir();
    QString file(const QString& name) const { return m_dir.filePath(name); }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

QByteArray fileSha256(const QString& path);
// Path of a binary built next to the tests (unisono, unisono-hub).
QString builtBinary(const QString& name);

} // namespace TestSupport
