def buildResult = 'FAILURE'
def previous = 'SUCCESS'
def colors = [SUCCESS: 'good', UNSTABLE: 'warning', FAILURE: 'danger']
def icon = [SUCCESS: ':white_check_mark:', FAILURE: ':x:'].get(buildResult, ':grey_question:')
def changed = buildResult != previous
def msg = "${icon} *${buildResult}* job `app/main` #${42}${changed ? ' (changed)' : ''}"
echo msg
echo "color: ${colors[buildResult]}"
def recipients = ['dev@example.com', 'ops@example.com', 'dev@example.com']
echo "to: ${recipients.unique().join(';')}"
def summary = """\
Result: ${buildResult}
Previous: ${previous}
Duration: ${(125000 / 1000).intValue()} s"""
echo summary
