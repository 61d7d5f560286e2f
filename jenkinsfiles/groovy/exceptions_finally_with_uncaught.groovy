try {
    echo 'doing work'
    throw new IllegalStateException('work failed')
} finally {
    echo 'cleanup in finally'
}
echo 'never reached'
